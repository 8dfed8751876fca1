using Spectre.Console;

namespace Omni.Bench.Infrastructure;

internal static class BenchCommand
{
    /// <summary>Runs a scenario; expected failures (bad options, server not reachable) print one line and exit 2.</summary>
    public static async Task<int> RunAsync(Func<Task<int>> scenario)
    {
        try
        {
            return await scenario();
        }
        catch (BenchException e)
        {
            AnsiConsole.MarkupLineInterpolated($"[red]error:[/] {e.Message}");
            return 2;
        }
        catch (HttpRequestException e)
        {
            AnsiConsole.MarkupLineInterpolated($"[red]error:[/] the server did not answer: {e.Message}");
            return 2;
        }
        catch (OperationCanceledException)
        {
            AnsiConsole.MarkupLine("[yellow]cancelled[/]");
            return 130;
        }
    }
}
