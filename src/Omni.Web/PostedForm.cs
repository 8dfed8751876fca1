namespace Omni.Web;

/// <summary>What a static-rendered form posted, for pages that echo the shopper's or associate's input after a refusal.</summary>
internal static class PostedForm
{
    /// <summary>The posted value of <paramref name="name"/>, or null on a GET or when the form did not send it.</summary>
    public static string? Posted(this HttpRequest request, string name) =>
        HttpMethods.IsPost(request.Method) && request.HasFormContentType && request.Form[name] is { Count: > 0 } value ? value.ToString() : null;
}
