namespace CoffeeShop.Domain.Menu.Options;

/// <summary>
/// Every option group, looked up by group code and by option code (option codes are unique across groups). Built
/// once from one read of the groups and shared by whatever needs to resolve an item's groups or a line's options.
/// </summary>
public sealed class OptionCatalog
{
    private readonly Dictionary<string, OptionGroup> _groups;
    private readonly Dictionary<string, OptionGroup> _groupOfOption;

    public OptionCatalog(IEnumerable<OptionGroup> groups)
    {
        ArgumentNullException.ThrowIfNull(groups);
        Groups = [.. groups];
        _groups = Groups.ToDictionary(g => g.Code, StringComparer.Ordinal);
        _groupOfOption = new Dictionary<string, OptionGroup>(StringComparer.Ordinal);
        foreach (var group in Groups)
        {
            foreach (var option in group.Options)
            {
                _groupOfOption.TryAdd(option.Code, group);
            }
        }
    }

    public static OptionCatalog Empty { get; } = new([]);

    public IReadOnlyList<OptionGroup> Groups { get; }

    public OptionGroup? Find(string code) => _groups.GetValueOrDefault(code);

    /// <summary>The group an option belongs to, whichever item offers it.</summary>
    public OptionGroup? GroupOfOption(string optionCode) => _groupOfOption.GetValueOrDefault(optionCode);

    /// <summary>
    /// The groups <paramref name="item"/> offers, in the item's order. A code with no group (deleted meanwhile: the
    /// delete checks for users, but an item saved in the same moment can slip past) is skipped, not an error.
    /// </summary>
    public IReadOnlyList<OptionGroup> For(MenuItem item)
    {
        ArgumentNullException.ThrowIfNull(item);
        if (item.OptionGroupCodes.Count == 0)
        {
            return [];
        }

        var groups = new List<OptionGroup>(item.OptionGroupCodes.Count);
        foreach (var code in item.OptionGroupCodes)
        {
            if (_groups.TryGetValue(code, out var group))
            {
                groups.Add(group);
            }
        }

        return groups;
    }
}
