using System.Buffers.Text;
using System.Text;

namespace Omni.Common.Http;

/// <summary>A paging cursor over lists ordered by code: opaque to clients so the paging key can change without breaking them.</summary>
public static class CodeCursor
{
    public static string Encode(string code) => Base64Url.EncodeToString(Encoding.UTF8.GetBytes(code));

    public static string? Decode(string cursor)
    {
        try
        {
            var code = Encoding.UTF8.GetString(Base64Url.DecodeFromChars(cursor));
            return code.Length is > 0 and <= 64 ? code : null;
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
