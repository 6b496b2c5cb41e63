using System.Reflection;
using CoffeeShop.Data;
using CoffeeShop.Domain.Menu;
using CoffeeShop.Tests.TestSupport;
using CoffeeShop.Web.Controllers;
using CoffeeShop.Web.Startup;

namespace CoffeeShop.Tests.Unit.Architecture;

/// <summary>The dependency rules of STYLE.md: Domain depends on nothing, Data on Domain, Web on Data only at its composition root.</summary>
[TestFixture]
[Category(TestCategories.Unit)]
public sealed class LayerDependencyTests
{
    private const string CompositionRootNamespace = "CoffeeShop.Web.Startup";

    private static readonly Assembly Domain = typeof(MenuItem).Assembly;
    private static readonly Assembly Data = typeof(CoffeeShopDbContext).Assembly;
    private static readonly Assembly Web = typeof(Program).Assembly;

    [Test]
    public void Domain_References_NoFrameworkForDataOrWebAndNoProject()
    {
        var forbidden = Domain.GetReferencedAssemblies()
            .Select(a => a.Name!)
            .Where(name => name.StartsWith("Microsoft.EntityFrameworkCore", StringComparison.Ordinal)
                || name.StartsWith("Microsoft.AspNetCore", StringComparison.Ordinal)
                || name.StartsWith("Microsoft.Extensions", StringComparison.Ordinal)
                || name.StartsWith("CoffeeShop", StringComparison.Ordinal))
            .ToList();

        Assert.That(forbidden, Is.Empty);
    }

    [Test]
    public void Data_References_DomainButNotWeb()
    {
        var names = Data.GetReferencedAssemblies().Select(a => a.Name).ToList();

        Assert.That(names, Does.Contain(Domain.GetName().Name));
        Assert.That(names, Does.Not.Contain(Web.GetName().Name));
    }

    [Test]
    public void Web_TypesOutsideCompositionRoot_DoNotUseDataTypes()
    {
        var offenders = Web.GetTypes()
            .Where(t => t.DeclaringType is null && !IsCompositionRoot(t))
            .SelectMany(t => TypeReferenceScanner.ReferencedTypes(t)
                .Where(r => r.Assembly == Data)
                .Select(r => $"{t.FullName} uses {r.FullName}"))
            .ToList();

        Assert.That(offenders, Is.Empty);
    }

    /// <summary>Proves the scan above can see a use of Data, so its empty result means something.</summary>
    [Test]
    public void TypeReferenceScanner_CompositionRoot_FindsItsUseOfData()
    {
        var used = TypeReferenceScanner.ReferencedTypes(typeof(ApplicationServiceCollectionExtensions)).ToList();

        Assert.That(used, Does.Contain(typeof(DatabaseInitializer)));
        Assert.That(used, Does.Contain(typeof(DataServiceCollectionExtensions)));
    }

    [Test]
    public void TypeReferenceScanner_Controller_FindsTypesUsedOnlyInsideMethodBodies()
    {
        // MenuController news up a MenuItemQuery in an async method: only the state machine's IL names it.
        var used = TypeReferenceScanner.ReferencedTypes(typeof(MenuController)).ToList();

        Assert.That(used, Does.Contain(typeof(MenuItemQuery)));
    }

    private static bool IsCompositionRoot(Type type) =>
        type == typeof(Program) || type.Namespace == CompositionRootNamespace;
}
