using System.ComponentModel.DataAnnotations;
using CoffeeShop.Domain.Orders;

namespace CoffeeShop.Web.Models.Orders;

/// <summary>
/// The order form: a row per drink on the menu (and more rows for the same drink made another way), each with a
/// quantity, a size and options; a name and notes. Only what a browser posts is bound; the rest is laid out again
/// from the live menu on every render.
/// </summary>
public sealed class OrderFormViewModel
{
    /// <summary>The <see cref="Command"/> of the "update total" button: price the choices, place nothing.</summary>
    public const string UpdateCommand = "update";

    [Required(ErrorMessage = "Tell us the name to call out.")]
    [StringLength(OrderLimits.CustomerNameMaxLength, ErrorMessage = "Use at most {1} characters.")]
    [Display(Name = "Name for the order")]
    public string? CustomerName { get; set; }

    [StringLength(OrderLimits.NotesMaxLength, ErrorMessage = "Keep notes to {1} characters.")]
    [Display(Name = "Notes (optional)")]
    public string? Notes { get; set; }

    public List<OrderFormLine> Lines { get; set; } = [];

    /// <summary>Issued with the form, so submitting it twice places one order.</summary>
    [Required]
    [StringLength(64)]
    public string IdempotencyKey { get; set; } = string.Empty;

    /// <summary>Which submit button was pressed: <see cref="UpdateCommand"/>, or none to place the order.</summary>
    public string? Command { get; set; }

    /// <summary>The row whose "another one made another way" button was pressed, if any.</summary>
    public int? AddLine { get; set; }

    /// <summary>The server's total of the chosen rows, when they could be priced (shown only).</summary>
    public decimal? Total { get; set; }

    public IEnumerable<OrderFormLine> Chosen => Lines.Where(l => l.Quantity > 0);

    public bool IsPlacing => string.IsNullOrEmpty(Command) && AddLine is null;
}

public sealed class OrderFormLine
{
    public int MenuItemId { get; set; }

    [Range(0, OrderLimits.QuantityMax, ErrorMessage = "Choose {1} to {2}.")]
    public int Quantity { get; set; }

    /// <summary>The size's code; empty for the drink's default size.</summary>
    public string? Size { get; set; }

    /// <summary>
    /// The option slots, in the drink's group order: one per option of a group that allows several, or one per group
    /// that takes a single option once (its <see cref="OrderFormOption.Code"/> then comes from a radio button).
    /// </summary>
    public List<OrderFormOption> Options { get; set; } = [];

    // Shown only; filled from the live menu on every render, never trusted from the post.
    public string Title { get; set; } = string.Empty;

    public string Category { get; set; } = string.Empty;

    public decimal Price { get; set; }

    public IReadOnlyList<OrderFormSize> Sizes { get; set; } = [];

    public IReadOnlyList<OrderFormGroup> Groups { get; set; } = [];

    /// <summary>The server's price of this row (size, options and quantity), when it was priced.</summary>
    public decimal? LineTotal { get; set; }

    /// <summary>The options the row asks for, as the domain takes them, each with the slot it came from.</summary>
    public IReadOnlyList<(OptionRequest Request, int Slot)> OptionRequests() =>
        [.. Options
            .Select((o, slot) => (o, slot))
            .Where(x => !string.IsNullOrEmpty(x.o.Code) && x.o.Quantity > 0)
            .Select(x => (new OptionRequest(x.o.Code!, x.o.Quantity), x.slot))];

    /// <summary>The line the domain prices for this row.</summary>
    public OrderLineRequest ToRequest() =>
        new(MenuItemId, Quantity, string.IsNullOrEmpty(Size) ? null : Size, [.. OptionRequests().Select(o => o.Request)]);
}

/// <summary>One option slot as posted: a code (hidden, or the radio chosen) and how many (a box, a number, or 1).</summary>
public sealed class OrderFormOption
{
    public string? Code { get; set; }

    public int Quantity { get; set; }
}

public sealed record OrderFormSize(string Code, string Name, decimal Price, bool IsDefault);

/// <summary>An option group as the row shows it; <see cref="Slot"/> is the first option slot it uses.</summary>
public sealed record OrderFormGroup(
    string Code, string Name, int MinSelected, int MaxSelected, int MaxQuantity, int Slot, IReadOnlyList<OrderFormChoice> Options)
{
    /// <summary>One option at most, taken once: radio buttons over one slot.</summary>
    public bool IsSingleChoice => MaxSelected == 1 && MaxQuantity == 1;
}

public sealed record OrderFormChoice(string Code, string Name, decimal PriceDelta, bool IsAvailable);
