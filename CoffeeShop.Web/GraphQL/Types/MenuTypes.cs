using CoffeeShop.Domain.Menu;
using CoffeeShop.Domain.Menu.Options;
using GraphQL;
using GraphQL.Types;

namespace CoffeeShop.Web.GraphQL.Types;

/// <summary>The menu's categories as a GraphQL enum: HOT, ICED.</summary>
public sealed class CategoryType : EnumerationGraphType<MenuCategory>
{
    public CategoryType()
    {
        Name = "Category";
    }
}

/// <summary>A drink on the menu, with the JSON API's field names, its sizes and the option groups it offers.</summary>
public sealed class MenuItemType : ObjectGraphType<MenuItem>
{
    public MenuItemType()
    {
        Name = "MenuItem";
        Field(m => m.Id);
        Field<NonNullGraphType<CategoryType>>("category").Resolve(c => c.Source.Category);
        Field(m => m.Title);
        Field(m => m.Description);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>>("ingredients").Resolve(c => c.Source.Ingredients);
        Field(m => m.Image, nullable: true).Description("An absolute URL or a path on this site; null when the drink has no picture.");
        Field<NonNullGraphType<DecimalGraphType>>("price").Resolve(c => c.Source.Price);
        Field(m => m.IsAvailable);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<MenuItemSizeType>>>>("sizes")
            .Description("1–5 sizes, exactly one of them the default (whose price is the item's price).")
            .WithComplexityImpact(1, GraphQLLimits.ExpectedSizes)
            .Resolve(c => c.Source.Sizes);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<OptionGroupType>>>, IReadOnlyList<OptionGroup>>("optionGroups")
            .Description("The option groups this drink offers, in its order (the groups are read once per request).")
            .WithComplexityImpact(1, GraphQLLimits.ExpectedOptionGroups)
            .ResolveAsync(async c => (await c.Service<OptionCatalogLoader>().GetAsync(c.CancellationToken)).For(c.Source));
        Field<NonNullGraphType<DateTimeOffsetGraphType>>("createdAt").Resolve(c => c.Source.CreatedAt);
        Field<NonNullGraphType<DateTimeOffsetGraphType>>("updatedAt").Resolve(c => c.Source.UpdatedAt);
        Field(m => m.Version).Description("The concurrency version (the JSON API's ETag); pass it as expectedVersion to updateMenuItem.");
    }
}

/// <summary>A partial change to a menu item: only the fields given change; null removes the image.</summary>
public sealed class MenuItemPatchInputType : InputObjectGraphType
{
    public MenuItemPatchInputType()
    {
        Name = "MenuItemPatchInput";
        Field<CategoryType>(MenuItemPatch.Category);
        Field<StringGraphType>(MenuItemPatch.Title);
        Field<StringGraphType>(MenuItemPatch.Description);
        Field<ListGraphType<NonNullGraphType<StringGraphType>>>(MenuItemPatch.Ingredients);
        Field<StringGraphType>(MenuItemPatch.Image);
        Field<DecimalGraphType>(MenuItemPatch.Price);
        Field<BooleanGraphType>(MenuItemPatch.IsAvailable);
        Field<IntGraphType>(MenuItemPatch.ExpectedVersion)
            .Description("The version the change is based on; a different current version is a CONFLICT.");
    }
}
