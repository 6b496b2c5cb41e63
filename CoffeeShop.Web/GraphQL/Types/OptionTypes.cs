using CoffeeShop.Domain.Menu;
using CoffeeShop.Domain.Menu.Options;
using GraphQL;
using GraphQL.Types;

namespace CoffeeShop.Web.GraphQL.Types;

/// <summary>One size a drink comes in, with its own price; exactly one size of an item is the default.</summary>
public sealed class MenuItemSizeType : ObjectGraphType<MenuItemSize>
{
    public MenuItemSizeType()
    {
        Name = "MenuItemSize";
        Field(s => s.Code).Description("A lowercase slug (small, medium, large, regular): the size a line names.");
        Field(s => s.Name);
        Field<NonNullGraphType<DecimalGraphType>>("price").Resolve(c => c.Source.Price);
        Field(s => s.IsDefault).Description("The size a line gets when it names none; its price is the item's price.");
    }
}

/// <summary>A set of choices shared across drinks (milk, extra shots, syrups), with its selection rules.</summary>
public sealed class OptionGroupType : ObjectGraphType<OptionGroup>
{
    public OptionGroupType()
    {
        Name = "OptionGroup";
        Field(g => g.Code);
        Field(g => g.Name);
        Field(g => g.MinSelected).Description("Fewest options a line takes from the group; a line that leaves a group with a minimum out gets its default options.");
        Field(g => g.MaxSelected).Description("Most options a line takes from the group.");
        Field(g => g.MaxQuantity).Description("How many of one option a line may take (1 when an option may not repeat).");
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<MenuOptionType>>>>("options")
            .WithComplexityImpact(1, GraphQLLimits.ExpectedOptionsPerGroup)
            .Resolve(c => c.Source.Options);
    }
}

/// <summary>One choice in an option group and what it adds to a line's unit price.</summary>
public sealed class MenuOptionType : ObjectGraphType<MenuOption>
{
    public MenuOptionType()
    {
        Name = "MenuOption";
        Field(o => o.Code).Description("Unique across all groups: the code a line's options name (oat-milk, extra-shot).");
        Field(o => o.Name);
        Field<NonNullGraphType<DecimalGraphType>>("priceDelta").Description("Added to the unit price once per quantity taken.").Resolve(c => c.Source.PriceDelta);
        Field(o => o.IsDefault);
        Field(o => o.IsAvailable);
    }
}
