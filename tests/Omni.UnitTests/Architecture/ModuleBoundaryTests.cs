using System.Reflection;

namespace Omni.UnitTests.Architecture;

/// <summary>Modules talk only through Omni.Contracts; the compiler would allow more, so this test does not.</summary>
public sealed class ModuleBoundaryTests
{
    private static readonly string[] Modules = ["Catalog", "Locations", "Inventory", "Orders", "Pricing", "Identity", "Integration", "Payments", "Carts", "Returns", "Notifications", "Customers"];

    public static TheoryData<string> ModuleNames() => [.. Modules];

    [Theory]
    [MemberData(nameof(ModuleNames))]
    public void A_module_references_no_other_module(string module)
    {
        var assembly = Assembly.Load($"Omni.{module}");
        var references = assembly.GetReferencedAssemblies().Select(a => a.Name!).ToHashSet();
        var offending = Modules.Where(other => other != module && references.Contains($"Omni.{other}")).ToList();
        Assert.True(offending.Count == 0, $"Omni.{module} references {string.Join(", ", offending)}; talk through Omni.Contracts instead.");
    }

    [Theory]
    [MemberData(nameof(ModuleNames))]
    public void A_module_project_file_references_only_the_shared_kernel_and_contracts(string module)
    {
        var root = FindRepositoryRoot();
        var project = File.ReadAllText(Path.Combine(root, "src", "Modules", module, $"Omni.{module}.csproj"));
        var projectReferences = System.Text.RegularExpressions.Regex.Matches(project, "ProjectReference Include=\"([^\"]+)\"")
            .Select(m => Path.GetFileNameWithoutExtension(m.Groups[1].Value)).ToList();
        Assert.All(projectReferences, reference => Assert.Contains(reference, new[] { "Omni.Common", "Omni.Contracts" }));
    }

    [Fact]
    public void Contracts_and_the_shared_kernel_reference_no_module()
    {
        foreach (var name in new[] { "Omni.Contracts", "Omni.Common" })
        {
            var references = Assembly.Load(name).GetReferencedAssemblies().Select(a => a.Name!).ToList();
            Assert.DoesNotContain(references, r => Modules.Any(m => r == $"Omni.{m}"));
        }
    }

    private static string FindRepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Omni.slnx"))) directory = directory.Parent;
        return directory?.FullName ?? throw new InvalidOperationException("Omni.slnx not found above the test output.");
    }
}
