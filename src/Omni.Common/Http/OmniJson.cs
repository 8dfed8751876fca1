using System.Text.Json;
using System.Text.Json.Serialization;

namespace Omni.Common.Http;

/// <summary>The one JSON shape of the API: camelCase, enums as lower-case strings, no nulls dropped.</summary>
public static class OmniJson
{
    public static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        Configure(options);
        return options;
    }

    public static void Configure(JsonSerializerOptions options)
    {
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase, allowIntegerValues: false));
        options.NumberHandling = JsonNumberHandling.Strict;
    }
}
