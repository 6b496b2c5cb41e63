using CoffeeShop.Domain.Common;

namespace CoffeeShop.Domain.Orders;

/// <summary>
/// A customer's order: who, what (lines with the menu's title and price at order time) and how far along
/// it is. Guards its own invariants and status moves; every change bumps <see cref="Version"/>.
/// </summary>
public sealed class Order
{
    private readonly List<OrderLine> _lines = [];

    public Order(string code, string customerName, string? notes, string? customerId, IReadOnlyList<OrderLine> lines, DateTimeOffset now)
        : this()
    {
        Code = Guard.Text(code, FieldKey.Of(nameof(Code)), 1, OrderLimits.CodeMaxLength);
        CustomerName = Guard.Text(customerName, FieldKey.Of(nameof(CustomerName)), 1, OrderLimits.CustomerNameMaxLength);
        Notes = Guard.Text(notes, FieldKey.Of(nameof(Notes)), 0, OrderLimits.NotesMaxLength);
        CustomerId = ValidCustomerId(customerId);

        lines = CheckLineCount(lines);
        for (var i = 0; i < lines.Count; i++)
        {
            if (lines[i] is null)
            {
                throw new DomainValidationException(LineField(i), $"{LineField(i).Label} is required.");
            }
        }

        ValidateQuantities([.. lines.Select(l => l.Quantity)]);
        CheckDrinksAreDistinct(lines);
        _lines.AddRange(lines.Select((line, i) => line.AtPosition(i + 1)));

        Status = OrderStatus.Pending;
        CreatedAt = ToMilliseconds(now);
        UpdatedAt = CreatedAt;
        Version = 1;
    }

    // For EF Core materialisation.
    private Order()
    {
        Code = string.Empty;
        CustomerName = string.Empty;
        Notes = string.Empty;
    }

    public int Id { get; private set; }

    /// <summary>The public tracking code: whoever holds it may see the order, so it is unguessable.</summary>
    public string Code { get; private set; }

    public string CustomerName { get; private set; }

    /// <summary>The Identity user who placed the order, or null for a guest.</summary>
    public string? CustomerId { get; private set; }

    public string Notes { get; private set; }

    public IReadOnlyList<OrderLine> Lines => _lines;

    /// <summary>Computed from the lines' snapshots, never from the menu's current prices.</summary>
    public decimal Total => _lines.Sum(l => l.Subtotal);

    public OrderStatus Status { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    /// <summary>The concurrency version: two baristas moving the same order cannot both win.</summary>
    public int Version { get; private set; }

    /// <summary>
    /// The whole state machine: Pending → Preparing → Ready → Completed by staff; Pending → Cancelled by
    /// anyone; Preparing → Cancelled by staff only (the drink is already being made). Nothing else.
    /// </summary>
    public static bool IsAllowedMove(OrderStatus from, OrderStatus to, OrderActor actor) => (from, to) switch
    {
        (OrderStatus.Pending, OrderStatus.Preparing) => actor == OrderActor.Staff,
        (OrderStatus.Preparing, OrderStatus.Ready) => actor == OrderActor.Staff,
        (OrderStatus.Ready, OrderStatus.Completed) => actor == OrderActor.Staff,
        (OrderStatus.Pending, OrderStatus.Cancelled) => actor is OrderActor.Customer or OrderActor.Staff,
        (OrderStatus.Preparing, OrderStatus.Cancelled) => actor == OrderActor.Staff,
        _ => false,
    };

    /// <summary>Whether <paramref name="actor"/> may move this order to <paramref name="next"/> now (for showing buttons).</summary>
    public bool CanMoveTo(OrderStatus next, OrderActor actor) => IsAllowedMove(Status, next, actor);

    /// <summary>Moves the order on; a move the rules refuse throws <see cref="ConflictException"/>.</summary>
    public void MoveTo(OrderStatus next, OrderActor actor, DateTimeOffset now)
    {
        if (!Enum.IsDefined(next))
        {
            throw new DomainValidationException(FieldKey.Of(nameof(Status)), OrderStatuses.Message);
        }

        if (!Enum.IsDefined(actor))
        {
            throw new ArgumentOutOfRangeException(nameof(actor), actor, "Unknown actor.");
        }

        if (!IsAllowedMove(Status, next, actor))
        {
            throw new ConflictException(IsAllowedMove(Status, next, OrderActor.Staff)
                ? $"A customer cannot move an order from {Status} to {next}; only staff can."
                : $"An order cannot move from {Status} to {next}.");
        }

        Status = next;
        UpdatedAt = ToMilliseconds(now);
        Version++;
    }

    public void Cancel(OrderActor actor, DateTimeOffset now) => MoveTo(OrderStatus.Cancelled, actor, now);

    /// <summary>True when <paramref name="userId"/> placed this order; a guest order belongs to no signed-in user.</summary>
    public bool IsOwnedBy(string? userId) =>
        userId is not null && CustomerId is not null && string.Equals(CustomerId, userId, StringComparison.Ordinal);

    /// <summary>
    /// The rules on the requested quantities that need no menu, shared by the ordering service (to fail before the menu
    /// is read) and the constructor.
    /// </summary>
    internal static void ValidateQuantities(IReadOnlyList<int> quantities)
    {
        CheckLineCount(quantities);
        for (var i = 0; i < quantities.Count; i++)
        {
            Guard.Range(quantities[i], LineField(i, nameof(OrderLine.Quantity)), OrderLimits.QuantityMin, OrderLimits.QuantityMax);
        }
    }

    /// <summary>
    /// One line per drink: the same item may appear again in another size or with other options (a large oat latte
    /// and a small plain one), but the same drink twice is refused rather than merged, so an error on lines[3] always
    /// describes the request's own line 3.
    /// </summary>
    internal static void CheckDrinksAreDistinct(IReadOnlyList<OrderLine> lines)
    {
        for (var i = 1; i < lines.Count; i++)
        {
            for (var k = 0; k < i; k++)
            {
                if (lines[i].IsSameDrinkAs(lines[k]))
                {
                    throw new DomainValidationException(
                        LineField(i, nameof(OrderLine.MenuItemId)),
                        $"Menu item {lines[i].MenuItemId} in the same size and with the same options is already on the order at {LineField(k).Label}; change that line's quantity instead.");
                }
            }
        }
    }

    /// <summary>The key of a line (<c>Lines[1]</c>) or of one of its members (<c>Lines[1].MenuItemId</c>).</summary>
    internal static FieldKey LineField(int index, string? member = null)
    {
        var line = FieldKey.Of(nameof(Lines)).At(index);
        return member is null ? line : line.Then(member);
    }

    /// <summary>The one rule on how many lines an order has; checked before anything else about them.</summary>
    internal static IReadOnlyList<T> CheckLineCount<T>(IReadOnlyList<T>? lines) =>
        lines is null || lines.Count < OrderLimits.LinesMin || lines.Count > OrderLimits.LinesMax
            ? throw new DomainValidationException(FieldKey.Of(nameof(Lines)), OrderLimits.LineCountMessage)
            : lines;

    /// <summary>
    /// Times are kept to the millisecond, which every provider stores exactly (SQLite's binary form keeps only
    /// 100 µs): the order a request answers with is then the same order a later read or an idempotent replay returns.
    /// </summary>
    private static DateTimeOffset ToMilliseconds(DateTimeOffset time) =>
        time.AddTicks(-(time.Ticks % TimeSpan.TicksPerMillisecond));

    private static string? ValidCustomerId(string? customerId)
    {
        if (string.IsNullOrWhiteSpace(customerId))
        {
            return null;
        }

        if (customerId.Length > OrderLimits.CustomerIdMaxLength)
        {
            throw new DomainValidationException(FieldKey.Of(nameof(CustomerId)), $"customerId must be at most {OrderLimits.CustomerIdMaxLength} characters.");
        }

        return customerId;
    }
}
