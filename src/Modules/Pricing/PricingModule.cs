using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Omni.Common.Data;
using Omni.Contracts.Audit;
using Omni.Contracts.Identity;
using Omni.Contracts.Pricing;
using Omni.Pricing.Coupons;
using Omni.Pricing.Data;
using Omni.Pricing.Data.Migrations.Postgres;
using Omni.Pricing.Data.Migrations.Sqlite;
using Omni.Pricing.Features;

namespace Omni.Pricing;

public static class PricingModule
{
    public const string Name = "pricing";

    public static IServiceCollection AddPricing(this IServiceCollection services, DatabaseOptions database)
    {
        services.AddModuleDbContext<PricingDbContext, PricingSqliteDbContext, PricingPostgresDbContext>(database, Name);
        services.AddSingleton<PricingRulesCache>();
        services.AddScoped<IPriceQuotes, PriceQuotes>();
        services.AddScoped<CouponLedger>();
        services.AddScoped<IPricing, OrderPricing>();
        services.AddScoped<IShelfPrices, ShelfPrices>();
        services.AddScoped<IAuditSource, PricingAudit>();
        return services;
    }

    public static IEndpointRouteBuilder MapPricing(this IEndpointRouteBuilder api)
    {
        var pricing = api.MapGroup("/pricing").WithTags("Pricing");
        var promotions = pricing.MapGroup("/promotions");
        var exceptions = pricing.MapGroup("/exceptions");
        var coupons = pricing.MapGroup("/coupons");
        var taxRates = pricing.MapGroup("/tax-rates");
        var write = Scopes.Policy(Scopes.Catalog);

        QuoteBasket.Map(pricing);
        ListPromotions.Map(promotions);
        GetPromotion.Map(promotions);
        CreatePromotion.Map(promotions).RequireAuthorization(write);
        UpdatePromotion.Map(promotions).RequireAuthorization(write);
        DeactivatePromotion.Map(promotions).RequireAuthorization(write);
        ListPriceExceptions.Map(exceptions);
        CreatePriceException.Map(exceptions).RequireAuthorization(write);
        GetConsistencyReport.Map(pricing);
        CreateCoupon.Map(coupons).RequireAuthorization(write);
        ListCoupons.Map(coupons);
        ListRedemptions.MapOverLimit(coupons);
        GetCoupon.Map(coupons);
        ListCouponCodes.Map(coupons);
        ListRedemptions.MapForCoupon(coupons);
        GetWallet.Map(pricing);
        ListTaxRates.Map(taxRates);
        SetTaxRate.Map(taxRates).RequireAuthorization(write);
        DeleteTaxRate.Map(taxRates).RequireAuthorization(write);
        return api;
    }
}
