using System.ComponentModel.DataAnnotations;
using CoffeeShop.Domain.Orders;

namespace CoffeeShop.Web.Models.Orders;

/// <summary>The order form: a quantity per drink on the menu, a name and notes.</summary>
public sealed class OrderFormViewModel
{
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

    public IEnumerable<OrderFormLine> Chosen => Lines.Where(l => l.Quantity > 0);
}

public sealed class OrderFormLine
{
    public int MenuItemId { get; set; }

    [Range(0, OrderLimits.QuantityMax, ErrorMessage = "Choose {1} to {2}.")]
    public int Quantity { get; set; }

    // Shown only; filled from the live menu on every render, never trusted from the post.
    public string Title { get; set; } = string.Empty;

    public string Category { get; set; } = string.Empty;

    public decimal Price { get; set; }
}
