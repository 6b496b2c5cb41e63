using CoffeeShop.Domain.Common;
using CoffeeShop.Domain.Menu;
using CoffeeShop.Domain.Menu.Options;
using CoffeeShop.Domain.Orders;
using CoffeeShop.Web.Validation;

namespace CoffeeShop.Web.Models.Orders;

/// <summary>
/// How the order form's rows meet the domain: a row laid out from the menu (its sizes and option slots), and a
/// domain error on the i-th chosen line (<c>Lines[i].Options[j].Code</c>) turned into the field of the row and slot
/// it is about (<c>Lines[r].Options[k].Code</c>), through <see cref="FieldNames.ToForm{TForm}"/>.
/// </summary>
public static class OrderFormFields
{
    private const string LinesMember = nameof(OrderFormViewModel.Lines);

    /// <summary>
    /// An error kept with its row while the rows are laid out again; <see cref="OptionCode"/> names the option it is
    /// about when the slot is only known after the layout.
    /// </summary>
    public sealed record RowError(OrderFormLine Row, string Member, string? OptionCode, string Message);

    /// <summary>The line a domain key names (<c>Lines[2]…</c> → 2).</summary>
    public static int? LineOf(FieldKey key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return key.Segments is [{ Member: LinesMember, Index: { } index }, ..] ? index : null;
    }

    /// <summary>The row in a form key such as <c>Lines[2].Quantity</c>.</summary>
    public static int? RowOf(string field)
    {
        ArgumentNullException.ThrowIfNull(field);
        var open = field.IndexOf('[', StringComparison.Ordinal);
        var close = field.IndexOf(']', StringComparison.Ordinal);
        return open >= 0 && close > open && int.TryParse(field.AsSpan(open + 1, close - open - 1), out var index) ? index : null;
    }

    /// <summary>A domain error on a chosen line, kept with the <paramref name="row"/> it came from.</summary>
    public static RowError OnRow(OrderFormLine row, FieldKey key, string message)
    {
        ArgumentNullException.ThrowIfNull(row);
        ArgumentNullException.ThrowIfNull(key);
        const string quantity = nameof(OrderFormLine.Quantity);
        return key.Segments.Skip(1).ToList() switch
        {
            [{ Member: nameof(OrderLine.SizeCode) or nameof(OrderFormLine.Size) }] => new(row, nameof(OrderFormLine.Size), null, message),
            [{ Member: nameof(OrderFormLine.Options), Index: { } j }, { Member: var member }] when j < row.OptionRequests().Count
                => new(row, member, row.OptionRequests()[j].Request.Code, message),
            [{ Member: nameof(OrderFormLine.Options) }, ..] => new(row, nameof(OrderFormLine.Options), null, message),

            // A missing drink or a repeated one is about the drink itself: beside its quantity, as always.
            _ => new(row, quantity, null, message),
        };
    }

    /// <summary>The form field an error shows beside, once the rows are laid out; the drinks list when its row is gone.</summary>
    public static string FieldOf(OrderFormViewModel form, RowError error)
    {
        ArgumentNullException.ThrowIfNull(form);
        ArgumentNullException.ThrowIfNull(error);
        var row = form.Lines.IndexOf(error.Row);
        if (row < 0)
        {
            return LinesMember;
        }

        var key = FieldKey.Of(LinesMember).At(row);
        if (error.OptionCode is null)
        {
            return $"{key.Format()}.{error.Member}";
        }

        var options = key.Then(nameof(OrderFormLine.Options));
        foreach (var group in error.Row.Groups)
        {
            var position = group.Options.ToList().FindIndex(o => o.Code == error.OptionCode);
            if (position >= 0)
            {
                key = group.IsSingleChoice
                    ? options.At(group.Slot).Then(nameof(OrderFormOption.Code))
                    : options.At(group.Slot + position).Then(error.Member);
                return FieldNames.ToForm<OrderFormViewModel>(key);
            }
        }

        return FieldNames.ToForm<OrderFormViewModel>(options);
    }

    /// <summary>
    /// Fills <paramref name="row"/> from the live <paramref name="item"/> and the <paramref name="groups"/> it offers, and
    /// lays its option slots out again, keeping what was posted (a <paramref name="fresh"/> row gets the defaults).
    /// </summary>
    public static OrderFormLine Lay(OrderFormLine row, MenuItem item, IReadOnlyList<OptionGroup> groups, bool fresh)
    {
        ArgumentNullException.ThrowIfNull(row);
        ArgumentNullException.ThrowIfNull(item);
        ArgumentNullException.ThrowIfNull(groups);
        var posted = !fresh && row.Options.Count > 0;
        var taken = row.Options
            .Where(o => !string.IsNullOrEmpty(o.Code) && o.Quantity > 0)
            .GroupBy(o => o.Code!)
            .ToDictionary(g => g.Key, g => g.Sum(o => o.Quantity));

        var slots = new List<OrderFormOption>();
        var shown = new List<OrderFormGroup>(groups.Count);
        foreach (var group in groups)
        {
            var laid = new OrderFormGroup(
                group.Code, group.Name, group.MinSelected, group.MaxSelected, group.MaxQuantity, slots.Count,
                [.. group.Options.Select(o => new OrderFormChoice(o.Code, o.Name, o.PriceDelta, o.IsAvailable))]);
            shown.Add(laid);
            if (laid.IsSingleChoice)
            {
                var code = posted ? group.Options.FirstOrDefault(o => taken.ContainsKey(o.Code))?.Code : null;
                if (code is null && (!posted || group.MinSelected > 0))
                {
                    code = group.Options.FirstOrDefault(o => o.IsDefault && o.IsAvailable)?.Code;
                }

                slots.Add(new OrderFormOption { Code = code ?? string.Empty, Quantity = 1 });
                continue;
            }

            slots.AddRange(group.Options.Select(o => new OrderFormOption
            {
                Code = o.Code,
                Quantity = posted ? taken.GetValueOrDefault(o.Code) : o.IsDefault && o.IsAvailable ? 1 : 0,
            }));
        }

        row.Title = item.Title;
        row.Category = item.Category.ToSlug();
        row.Price = item.Price;
        row.Sizes = [.. item.Sizes.Select(s => new OrderFormSize(s.Code, s.Name, s.Price, s.IsDefault))];
        row.Size = string.IsNullOrEmpty(row.Size) ? item.DefaultSize.Code : row.Size;
        row.Groups = shown;
        row.Options = slots;
        return row;
    }
}
