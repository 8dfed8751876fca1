namespace Omni.Common.Data;

/// <summary><c>Omni:DataDirectory</c> (default <c>./data</c>): where the SQLite file and other local files (e.g. notification files) live.</summary>
public static class DataDirectory
{
    public static string From(IConfiguration configuration) => Path.GetFullPath(configuration["Omni:DataDirectory"] ?? "./data");
}
