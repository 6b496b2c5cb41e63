using AutoMapper;
using CoffeeShop.Web.Mapping;

namespace CoffeeShop.Tests.TestSupport;

/// <summary>The app's AutoMapper configuration, for tests that build controllers by hand.</summary>
public static class Mappers
{
    /// <summary>Every profile of the Web assembly, as the app registers them.</summary>
    /// <remarks>AutoMapper 14 has no (configure, ILoggerFactory) constructor; that overload arrived in 15.</remarks>
    public static MapperConfiguration WebConfiguration() =>
        new(cfg => cfg.AddMaps(typeof(MenuProfile).Assembly));

    public static IMapper Create() => WebConfiguration().CreateMapper();
}
