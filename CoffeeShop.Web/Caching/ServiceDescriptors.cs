namespace CoffeeShop.Web.Caching;

/// <summary>Makes the service a registration describes, for decorators that take the registration's place.</summary>
internal static class ServiceDescriptors
{
    public static T Instantiate<T>(ServiceDescriptor descriptor, IServiceProvider provider)
        where T : class => (T)(
            descriptor.ImplementationInstance
            ?? descriptor.ImplementationFactory?.Invoke(provider)
            ?? ActivatorUtilities.CreateInstance(provider, descriptor.ImplementationType!));
}
