using System.Reflection;
using AutoMapper;
using AutoMapper.Internal;
using CoffeeShop.Tests.TestSupport;
using CoffeeShop.Web.Mapping;

namespace CoffeeShop.Tests.Unit.Web.Mapping;

[TestFixture]
[Category(TestCategories.Unit)]
public sealed class MappingConfigurationTests
{
    [Test]
    public void WebProfiles_AllMaps_AreValid()
    {
        var configuration = Mappers.WebConfiguration();

        Assert.That(configuration.Internal().Profiles.Select(p => p.Name), Does.Contain(typeof(MenuProfile).FullName));
        Assert.DoesNotThrow(configuration.AssertConfigurationIsValid);
    }

    [Test]
    public void WebProfiles_EveryProfileType_IsPickedUp()
    {
        var profileTypes = typeof(MenuProfile).Assembly.GetTypes()
            .Where(t => typeof(Profile).IsAssignableFrom(t) && !t.IsAbstract)
            .Select(t => t.FullName)
            .ToList();

        var loaded = Mappers.WebConfiguration().Internal().Profiles.Select(p => p.Name).ToList();

        Assert.That(profileTypes, Is.Not.Empty);
        Assert.That(loaded, Is.SupersetOf(profileTypes));
    }

    /// <summary>
    /// AutoMapper 14 has GHSA-rvv3-g6hj-g44x (unbounded recursion on self-referential graphs); its suppression
    /// in Directory.Packages.props holds only while no mapped type can reach itself through its properties.
    /// </summary>
    [Test]
    public void WebProfiles_MappedTypes_AreNotSelfReferential()
    {
        var typeMaps = Mappers.WebConfiguration().Internal().GetAllTypeMaps();

        var cyclic = typeMaps
            .SelectMany(m => new[] { m.SourceType, m.DestinationType })
            .Distinct()
            .Where(t => ReachesItself(t, t, []))
            .Select(t => t.FullName)
            .ToList();

        Assert.That(typeMaps, Is.Not.Empty);
        Assert.That(cyclic, Is.Empty);
    }

    private static bool ReachesItself(Type origin, Type current, HashSet<Type> seen)
    {
        foreach (var property in current.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            foreach (var type in ComponentTypes(property.PropertyType).Where(IsOurs))
            {
                if (type == origin)
                {
                    return true;
                }

                if (seen.Add(type) && ReachesItself(origin, type, seen))
                {
                    return true;
                }
            }
        }

        return false;
    }

    private static IEnumerable<Type> ComponentTypes(Type type)
    {
        yield return type;
        if (type.IsArray)
        {
            yield return type.GetElementType()!;
        }

        foreach (var argument in type.IsGenericType ? type.GetGenericArguments() : [])
        {
            yield return argument;
        }
    }

    private static bool IsOurs(Type type) => type.Namespace?.StartsWith("CoffeeShop", StringComparison.Ordinal) == true;
}
