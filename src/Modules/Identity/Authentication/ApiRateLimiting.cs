using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace Omni.Identity.Authentication;

/// <summary><c>Omni:RateLimit</c>: requests per key per window, on each node.</summary>
internal sealed class RateLimitSettings
{
    public const string Section = "Omni:RateLimit";

    /// <summary>Generous (5,000 a second per key and node): a POS fleet or a benchmark sends hundreds of orders a second, plus their reads, through a handful of keys.</summary>
    public int PermitLimit { get; set; } = 50_000;
    public int WindowSeconds { get; set; } = 10;
}

internal static class ApiRateLimiting
{
    public static IServiceCollection AddApiKeyRateLimiting(this IServiceCollection services)
    {
        services.AddOptions<RateLimitSettings>().BindConfiguration(RateLimitSettings.Section)
            .Validate(s => s.PermitLimit > 0 && s.WindowSeconds > 0, $"{RateLimitSettings.Section} needs a positive PermitLimit and WindowSeconds.")
            .ValidateOnStart();
        services.AddRateLimiter(_ => { });
        services.AddOptions<RateLimiterOptions>().Configure<IOptions<RateLimitSettings>>((options, settings) =>
        {
            var perKey = new FixedWindowRateLimiterOptions
            {
                PermitLimit = settings.Value.PermitLimit,
                Window = TimeSpan.FromSeconds(settings.Value.WindowSeconds),
                QueueLimit = 0,
            };
            Func<string, FixedWindowRateLimiterOptions> optionsFor = _ => perKey;
            // Requests without a valid key are turned away by authorization before they cost anything.
            options.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(http =>
                http.User.Identity is ApiKeyIdentity key
                    ? RateLimitPartition.GetFixedWindowLimiter(key.PartitionKey, optionsFor)
                    : RateLimitPartition.GetNoLimiter(string.Empty));
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.OnRejected = (context, _) =>
            {
                if (context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter))
                    context.HttpContext.Response.Headers.RetryAfter = Math.Ceiling(retryAfter.TotalSeconds).ToString(CultureInfo.InvariantCulture);
                return new ValueTask(AuthProblems.WriteAsync(context.HttpContext, StatusCodes.Status429TooManyRequests, "rate_limited",
                    $"This API key sent more than {perKey.PermitLimit} requests in {settings.Value.WindowSeconds} s; retry later."));
            };
        });
        return services;
    }
}
