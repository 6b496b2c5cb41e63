using CoffeeShop.Domain.Common;

namespace CoffeeShop.Domain.Menu.Options;

/// <summary>
/// A set of choices shared across drinks (milk, extra shots, syrups) with its selection rules: how many of its options
/// a line takes (<see cref="MinSelected"/>–<see cref="MaxSelected"/>) and how many of one option
/// (<see cref="MaxQuantity"/>). A group with a minimum has enough available defaults to fill it, so a line that leaves
/// the group out is still a valid drink. Every change bumps <see cref="Version"/>.
/// </summary>
public sealed class OptionGroup
{
    private List<MenuOption> _options = [];

    public OptionGroup(string code, OptionGroupDetails details, DateTimeOffset now)
        : this()
    {
        Code = Slug.Valid(code, FieldKey.Of(nameof(Code)));
        Apply(details);
        CreatedAt = now;
        UpdatedAt = now;
        Version = 1;
    }

    // For EF Core materialisation.
    private OptionGroup()
    {
        Code = string.Empty;
        Name = string.Empty;
    }

    public int Id { get; private set; }

    /// <summary>The group's identity for clients and URLs; never changes.</summary>
    public string Code { get; private set; }

    public string Name { get; private set; }

    public int MinSelected { get; private set; }

    public int MaxSelected { get; private set; }

    /// <summary>How many of one option a line may take; 1 when an option may not repeat.</summary>
    public int MaxQuantity { get; private set; }

    public IReadOnlyList<MenuOption> Options => _options;

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    /// <summary>The concurrency version: the API exposes it as the ETag.</summary>
    public int Version { get; private set; }

    public OptionGroupDetails Details => new(Name, MinSelected, MaxSelected, MaxQuantity, Options);

    public MenuOption? FindOption(string code) => _options.Find(o => o.Code == code);

    public void Replace(OptionGroupDetails details, DateTimeOffset now)
    {
        Apply(details);
        UpdatedAt = now;
        Version++;
    }

    /// <summary>Checks the invariants without changing anything; throws <see cref="DomainValidationException"/>.</summary>
    public static void Validate(OptionGroupDetails details)
    {
        ArgumentNullException.ThrowIfNull(details);
        _ = new OptionGroup().Apply(details);
    }

    private OptionGroup Apply(OptionGroupDetails details)
    {
        ArgumentNullException.ThrowIfNull(details);
        Name = Guard.Text(details.Name, FieldKey.Of(nameof(Name)), 1, OptionGroupLimits.NameMaxLength);
        var options = ValidOptions(details.Options);
        var maxQuantity = Guard.Range(
            details.MaxQuantity, FieldKey.Of(nameof(MaxQuantity)), OptionGroupLimits.MaxQuantityMin, OptionGroupLimits.MaxQuantityMax);
        var max = Guard.Range(details.MaxSelected, FieldKey.Of(nameof(MaxSelected)), 1, options.Count);
        var min = Guard.Range(details.MinSelected, FieldKey.Of(nameof(MinSelected)), 0, max);

        var defaults = options.Where(o => o.IsDefault).ToList();
        if (defaults.Count > max)
        {
            throw new DomainValidationException(
                FieldKey.Of(nameof(Options)), $"options may mark at most {max} default(s), as many as maxSelected allows.");
        }

        if (defaults.Count(o => o.IsAvailable) < min)
        {
            // A line that leaves the group out gets its defaults, so they must be enough to make a valid choice.
            throw new DomainValidationException(
                FieldKey.Of(nameof(Options)),
                $"options must mark at least {min} available default(s): a line that leaves the group out gets its defaults.");
        }

        _options = options;
        MaxQuantity = maxQuantity;
        MaxSelected = max;
        MinSelected = min;
        return this;
    }

    private static List<MenuOption> ValidOptions(IReadOnlyList<MenuOption>? options)
    {
        if (options is null || options.Count < OptionGroupLimits.OptionsMin || options.Count > OptionGroupLimits.OptionsMax)
        {
            throw new DomainValidationException(
                FieldKey.Of(nameof(Options)),
                $"options must list between {OptionGroupLimits.OptionsMin} and {OptionGroupLimits.OptionsMax} options.");
        }

        var valid = new List<MenuOption>(options.Count);
        for (var i = 0; i < options.Count; i++)
        {
            var key = FieldKey.Of(nameof(Options)).At(i);
            var option = options[i] ?? throw new DomainValidationException(key, $"{key.Label} is required.");
            var code = Slug.Valid(option.Code, key.Then(nameof(MenuOption.Code)));
            if (valid.FindIndex(o => o.Code == code) is var first and >= 0)
            {
                throw new DomainValidationException(
                    key.Then(nameof(MenuOption.Code)), $"{key.Then(nameof(MenuOption.Code)).Label} repeats options[{first}].code '{code}'.");
            }

            valid.Add(new MenuOption(
                code,
                Guard.Text(option.Name, key.Then(nameof(MenuOption.Name)), 1, OptionGroupLimits.NameMaxLength),
                OptionGroupLimits.ValidPriceDelta(option.PriceDelta, key.Then(nameof(MenuOption.PriceDelta))),
                option.IsDefault,
                option.IsAvailable));
        }

        return valid;
    }
}
