using Omni.Common;
using Omni.Common.Validation;
using Omni.Contracts.Locations;

namespace Omni.UnitTests.Common;

public sealed class ValidatorTests
{
    [Fact]
    public void A_fresh_validator_is_valid_and_one_error_makes_it_invalid()
    {
        var v = new Validator();
        Assert.True(v.IsValid);

        v.Add("name", "is wrong.");

        Assert.False(v.IsValid);
    }

    [Theory]
    [InlineData(null, "is required.")]
    [InlineData("", "is required.")]
    [InlineData("   ", "is required.")]
    [InlineData("123456", "must be at most 5 characters.")]
    public void A_required_string_must_be_present_and_short_enough(string? value, string message)
    {
        var v = new Validator();

        Assert.False(v.Required("name", value, 5));
        Assert.Equal(message, Errors(v)["name"].Single());
    }

    [Fact]
    public void A_required_string_that_is_there_passes()
    {
        var v = new Validator();
        Assert.True(v.Required("name", "12345", 5));
        Assert.True(v.IsValid);
    }

    [Fact]
    public void A_required_value_type_must_not_be_null()
    {
        var v = new Validator();

        Assert.True(v.Required("onHand", (int?)0));
        Assert.False(v.Required("latitude", (double?)null));

        Assert.Equal(["latitude"], Errors(v).Keys);
    }

    [Theory]
    [InlineData("TEE-BASIC-M", true)]
    [InlineData("sku_1.2", true)]
    [InlineData("-LEADING-DASH", false)]
    [InlineData("HAS SPACE", false)]
    [InlineData("A/B", false)]
    [InlineData("ÉTÉ", false)]
    [InlineData("", false)]
    public void Codes_are_letters_digits_dash_underscore_and_dot(string code, bool valid)
    {
        var v = new Validator();
        Assert.Equal(valid, v.Code("sku", code));
        Assert.Equal(valid, v.IsValid);
    }

    [Fact]
    public void A_code_longer_than_its_limit_is_refused()
    {
        var v = new Validator();
        Assert.True(v.Code("sku", new string('A', 64)));
        Assert.False(v.Code("sku", new string('A', 65)));
    }

    [Fact]
    public void Ranges_include_their_bounds_and_refuse_NaN()
    {
        var v = new Validator();
        v.Range("quantity", 1, 1, 10);
        v.Range("quantity", 10, 1, 10);
        v.Range("latitude", (double?)null, -90, 90);
        v.Range("latitude", 90.0, -90, 90);
        Assert.True(v.IsValid);

        v.Range("quantity", 0, 1, 10);
        v.Range("longitude", -180.0001, -180, 180);
        v.Range("bearing", double.NaN, 0, 360);

        Assert.Equal(["quantity", "longitude", "bearing"], Errors(v).Keys);
    }

    [Theory]
    [InlineData("FR", true)]
    [InlineData("DE", true)]
    [InlineData("fr", false)]
    [InlineData("FRA", false)]
    [InlineData("XX", false)]
    [InlineData(null, false)]
    public void Countries_are_upper_case_ISO_3166_alpha_2(string? country, bool valid)
    {
        var v = new Validator();
        v.Country("country", country);
        Assert.Equal(valid, v.IsValid);
    }

    [Fact]
    public void Valid_money_comes_back_in_minor_units()
    {
        var v = new Validator();

        Assert.Equal(new Money(1999, "EUR"), v.Money("price", new MoneyDto(19.99m, "EUR")));
        Assert.Equal(new Money(0, "JPY"), v.Money("price", new MoneyDto(0, "JPY")));
        Assert.True(v.IsValid);
    }

    [Theory]
    [InlineData(null, null, true, "price")]
    [InlineData("19.99", "EURO", true, "price.currency")]
    [InlineData("-1", "EUR", true, "price.amount")]
    [InlineData("0", "EUR", false, "price.amount")]
    [InlineData("100000001", "EUR", true, "price.amount")]
    [InlineData("19.999", "EUR", true, "price.amount")]
    [InlineData("100.5", "JPY", true, "price.amount")]
    public void Invalid_money_names_the_field_at_fault(string? amount, string? currency, bool allowZero, string field)
    {
        var v = new Validator();
        var dto = amount is null ? null : new MoneyDto(decimal.Parse(amount, System.Globalization.CultureInfo.InvariantCulture), currency!);

        Assert.Null(v.Money("price", dto, allowZero));
        Assert.Equal([field], Errors(v).Keys);
    }

    [Fact]
    public void An_enum_value_outside_the_enum_is_refused()
    {
        var v = new Validator();
        v.Enum("type", LocationType.Warehouse);
        Assert.True(v.IsValid);

        v.Enum("type", (LocationType)42);
        Assert.Equal(["type"], Errors(v).Keys);
    }

    [Fact]
    public void The_problem_carries_every_message_per_field_and_the_validation_code()
    {
        var v = new Validator();
        v.Add("lines[0].quantity", "must be positive.");
        v.Add("lines[0].quantity", "must be whole.");
        v.Add("channel", "is required.");

        var problem = v.ToProblem().ProblemDetails;

        Assert.Equal(400, problem.Status);
        Assert.Equal("validation_failed", problem.Extensions["code"]);
        Assert.Equal(["must be positive.", "must be whole."], problem.Errors["lines[0].quantity"]);
        Assert.Equal(["is required."], problem.Errors["channel"]);
    }

    private static IDictionary<string, string[]> Errors(Validator v) => v.ToProblem().ProblemDetails.Errors;
}
