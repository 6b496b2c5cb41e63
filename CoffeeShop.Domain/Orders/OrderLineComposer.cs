using CoffeeShop.Domain.Common;
using CoffeeShop.Domain.Menu;
using CoffeeShop.Domain.Menu.Options;

namespace CoffeeShop.Domain.Orders;

/// <summary>
/// Turns a requested line into the drink the barista makes and the price the customer pays: the size (the default when
/// none is named), the options named, and the defaults of every group that needs a choice the line left out. Every
/// selection rule lives here, and each failure names the line and the field (<c>lines[1].options[0].code</c>).
/// </summary>
public static class OrderLineComposer
{
    /// <summary>Builds line <paramref name="index"/> of an order for an available <paramref name="item"/>.</summary>
    public static OrderLine Compose(int index, OrderLineRequest request, MenuItem item, OptionCatalog catalog)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(item);
        ArgumentNullException.ThrowIfNull(catalog);

        var size = ChooseSize(index, request.Size, item);
        var offered = catalog.For(item);
        var chosen = ChooseOptions(index, request.Options ?? [], item, offered, catalog);

        var options = new List<OrderLineOption>();
        foreach (var group in offered)
        {
            var inGroup = chosen.Where(c => c.Group == group).ToList();
            CheckSelectionCount(index, group, inGroup);
            if (inGroup.Count == 0 && group.MinSelected > 0)
            {
                inGroup = [.. group.Options.Where(o => o.IsDefault && o.IsAvailable).Select(o => new Choice(group, o, 1, -1))];
            }

            // The group's own order, so every line of a drink reads the same way on the barista's screen.
            options.AddRange(inGroup
                .OrderBy(c => IndexOf(group, c.Option))
                .Select(c => new OrderLineOption(c.Option.Code, c.Option.Name, c.Quantity, c.Option.PriceDelta)));
        }

        return new OrderLine(item.Id, item.Title, size, options, request.Quantity);
    }

    private static MenuItemSize ChooseSize(int index, string? code, MenuItem item)
    {
        if (code is null)
        {
            return item.DefaultSize;
        }

        return item.FindSize(code) ?? throw new DomainValidationException(
            Order.LineField(index, "Size"),
            $"{item.Title} comes in {string.Join(", ", item.Sizes.Select(s => s.Code))}; there is no size '{code}'.");
    }

    private static List<Choice> ChooseOptions(
        int index, IReadOnlyList<OptionRequest> requested, MenuItem item, IReadOnlyList<OptionGroup> offered, OptionCatalog catalog)
    {
        var optionsKey = Order.LineField(index, nameof(OrderLine.Options));
        if (requested.Count > OptionGroupLimits.OptionsPerLineMax)
        {
            throw new DomainValidationException(optionsKey, $"{optionsKey.Label} may list at most {OptionGroupLimits.OptionsPerLineMax} options.");
        }

        var chosen = new List<Choice>(requested.Count);
        for (var j = 0; j < requested.Count; j++)
        {
            var key = optionsKey.At(j);
            var codeKey = key.Then(nameof(OptionRequest.Code));
            var option = requested[j] ?? throw new DomainValidationException(key, $"{key.Label} is required.");
            var group = catalog.GroupOfOption(option.Code ?? string.Empty);
            if (group is null)
            {
                throw new DomainValidationException(codeKey, $"There is no option '{option.Code}'.");
            }

            if (!offered.Contains(group))
            {
                throw new DomainValidationException(
                    codeKey, $"{item.Title} does not offer {group.Name} (option '{option.Code}').");
            }

            var menuOption = group.FindOption(option.Code!)!;
            if (!menuOption.IsAvailable)
            {
                throw new DomainValidationException(codeKey, $"{menuOption.Name} is not available at the moment.");
            }

            if (chosen.Find(c => c.Option.Code == menuOption.Code) is { } earlier)
            {
                throw new DomainValidationException(
                    codeKey, $"'{menuOption.Code}' is already at {optionsKey.At(earlier.RequestIndex).Label}; set its quantity instead.");
            }

            if (option.Quantity < 1 || option.Quantity > group.MaxQuantity)
            {
                throw new DomainValidationException(
                    key.Then(nameof(OptionRequest.Quantity)),
                    group.MaxQuantity == 1
                        ? $"{menuOption.Name} can be taken once (quantity 1)."
                        : $"{menuOption.Name} can be taken 1 to {group.MaxQuantity} times.");
            }

            chosen.Add(new Choice(group, menuOption, option.Quantity, j));
        }

        return chosen;
    }

    private static void CheckSelectionCount(int index, OptionGroup group, List<Choice> inGroup)
    {
        if (inGroup.Count > group.MaxSelected)
        {
            // Named at the first option beyond the limit: the one to take off.
            var extra = inGroup[group.MaxSelected];
            throw new DomainValidationException(
                Order.LineField(index, nameof(OrderLine.Options)).At(extra.RequestIndex).Then(nameof(OptionRequest.Code)),
                group.MaxSelected == 1
                    ? $"{group.Name}: choose one option only."
                    : $"{group.Name}: choose at most {group.MaxSelected} options.");
        }

        if (inGroup.Count > 0 && inGroup.Count < group.MinSelected)
        {
            throw new DomainValidationException(
                Order.LineField(index, nameof(OrderLine.Options)),
                $"{group.Name}: choose at least {group.MinSelected} options.");
        }
    }

    private static int IndexOf(OptionGroup group, MenuOption option)
    {
        for (var i = 0; i < group.Options.Count; i++)
        {
            if (group.Options[i].Code == option.Code)
            {
                return i;
            }
        }

        return int.MaxValue;
    }

    /// <summary>An option the line takes; <paramref name="RequestIndex"/> is its place in the request (-1 for a default).</summary>
    private sealed record Choice(OptionGroup Group, MenuOption Option, int Quantity, int RequestIndex);
}
