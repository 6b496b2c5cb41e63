using System.Reflection;
using CoffeeShop.Data;
using CoffeeShop.Domain.Menu;
using CoffeeShop.Tests.TestSupport;
using CoffeeShop.Web.Controllers;
using CoffeeShop.Web.Startup;
using NetArchTest.Rules;

namespace CoffeeShop.Tests.Unit.Architecture;

/// <summary>
/// The dependency rules of STYLE.md, on NetArchTest (which reads the IL, method bodies and compiler-generated state
/// machines included): Domain depends on nothing, Data on Domain, Web on Data only at its composition root.
/// </summary>
[TestFixture]
[Category(TestCategories.Unit)]
public sealed class LayerDependencyTests
{
    private const string CompositionRootNamespace = "CoffeeShop.Web.Startup";
    private const string DataNamespace = "CoffeeShop.Data";

    private static readonly Assembly Domain = typeof(MenuItem).Assembly;
    private static readonly Assembly Data = typeof(CoffeeShopDbContext).Assembly;
    private static readonly Assembly Web = typeof(Program).Assembly;

    [Test]
    public void Domain_DependsOnNoFrameworkForDataOrWebAndNoOtherProject()
    {
        var result = Types.InAssembly(Domain).ShouldNot()
            .HaveDependencyOnAny("Microsoft.EntityFrameworkCore", "Microsoft.AspNetCore", "Microsoft.Extensions", DataNamespace, "CoffeeShop.Web")
            .GetResult();

        Assert.That(Offenders(result), Is.Empty);
    }

    [Test]
    public void Data_DependsOnDomainButNotWeb()
    {
        var result = Types.InAssembly(Data).ShouldNot().HaveDependencyOn("CoffeeShop.Web").GetResult();

        Assert.That(Offenders(result), Is.Empty);
        Assert.That(Data.GetReferencedAssemblies().Select(a => a.Name), Does.Contain(Domain.GetName().Name));
    }

    [Test]
    public void Web_OutsideTheCompositionRoot_DoesNotUseData()
    {
        var result = Types.InAssembly(Web)
            .That().DoNotResideInNamespace(CompositionRootNamespace)
            .And().DoNotHaveName(nameof(Program))
            .ShouldNot().HaveDependencyOn(DataNamespace)
            .GetResult();

        Assert.That(Offenders(result), Is.Empty);
    }

    /// <summary>Proves the rule above can see a use of Data, so its empty result means something.</summary>
    [Test]
    public void TheRule_SeesTheCompositionRootsUseOfData()
    {
        var result = Types.InAssembly(Web)
            .That().HaveName(nameof(ApplicationServiceCollectionExtensions))
            .Should().HaveDependencyOn(DataNamespace)
            .GetResult();

        Assert.That(result.IsSuccessful, Is.True);
    }

    [Test]
    public void TheRule_SeesTypesUsedOnlyInsideAsyncMethodBodies()
    {
        // MenuController news up a MenuItemQuery in an async method: only the state machine's IL names it.
        var result = Types.InAssembly(Web)
            .That().HaveName(nameof(MenuController))
            .Should().HaveDependencyOn(typeof(MenuItemQuery).FullName!)
            .GetResult();

        Assert.That(result.IsSuccessful, Is.True);
    }

    private static IEnumerable<string?> Offenders(TestResult result) => result.FailingTypeNames ?? [];
}
