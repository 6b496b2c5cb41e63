using AutoMapper;
using CoffeeShop.Domain.ApiKeys;
using CoffeeShop.Web.Contracts.ApiKeys;

namespace CoffeeShop.Web.Mapping;

/// <summary>API keys outbound. The plain key is only in <see cref="IssuedApiKey"/>, mapped once at creation.</summary>
public sealed class ApiKeyProfile : Profile
{
    public ApiKeyProfile()
    {
        CreateMap<ApiKey, ApiKeyResponse>();
        CreateMap<IssuedApiKey, CreatedApiKeyResponse>()
            .IncludeMembers(s => s.Key)
            .ForMember(d => d.Key, o => o.MapFrom(s => s.PlainKey));
        CreateMap<ApiKey, CreatedApiKeyResponse>()
            .ForMember(d => d.Key, o => o.Ignore());
    }
}
