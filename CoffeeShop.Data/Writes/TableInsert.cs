using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace CoffeeShop.Data.Writes;

/// <summary>
/// A prepared SQLite INSERT of one entity type's row, written from the EF model (its table, its columns, their value
/// converters), so it follows the model and the migrations instead of repeating them. Columns the database
/// generates are left out and the first of them is returned; shadow columns (a foreign key) are supplied by the caller.
/// </summary>
internal sealed class TableInsert
{
    // Per column, resolved once: how to read the entity's value (null for the shadow column) and store it.
    private readonly (IClrPropertyGetter? Getter, ValueConverter? Converter)[] _readers;

    private TableInsert(IEntityType type)
    {
        var table = StoreObjectIdentifier.Table(type.GetTableName()!, type.GetSchema());
        IProperty[] columns = [.. type.GetProperties().Where(p => p.ValueGenerated != ValueGenerated.OnAdd)];
        if (columns.Count(p => p.IsShadowProperty()) > 1)
        {
            // Bind supplies one value for shadow columns; a second would silently get the same one.
            throw new NotSupportedException($"{type.DisplayName()} has more than one shadow column; TableInsert supplies one.");
        }

        _readers = [.. columns.Select(p => (p.IsShadowProperty() ? null : p.GetGetter(), p.GetTypeMapping().Converter))];
        Generated = type.GetProperties().FirstOrDefault(p => p.ValueGenerated == ValueGenerated.OnAdd);
        var names = string.Join(", ", columns.Select(p => Quote(p.GetColumnName(table)!)));
        var values = string.Join(", ", columns.Select((_, i) => $"@p{i}"));
        var returning = Generated is null ? string.Empty : $" RETURNING {Quote(Generated.GetColumnName(table)!)}";
        Sql = $"INSERT INTO {Quote(table.Name)} ({names}) VALUES ({values}){returning}";
    }

    public string Sql { get; }

    /// <summary>The column the database fills in (an autoincrement key), if any.</summary>
    public IProperty? Generated { get; }

    public static TableInsert For(IModel model, Type entityType) =>
        new(model.FindEntityType(entityType) ?? throw new InvalidOperationException($"{entityType.Name} is not in the model."));

    public SqliteCommand Prepare(SqliteConnection connection, SqliteTransaction transaction)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = Sql;
        for (var i = 0; i < _readers.Length; i++)
        {
            command.Parameters.Add(new SqliteParameter($"@p{i}", null));
        }

        command.Prepare();
        return command;
    }

    /// <summary>
    /// Sets the command's parameters to <paramref name="entity"/>'s values, as the database stores them, and the
    /// shadow column (the owner's key of an owned row) to <paramref name="shadowValue"/>.
    /// </summary>
    public void Bind(SqliteCommand command, object entity, object? shadowValue = null)
    {
        for (var i = 0; i < _readers.Length; i++)
        {
            var (getter, converter) = _readers[i];
            var value = getter is null ? shadowValue : getter.GetClrValueUsingContainingEntity(entity);
            command.Parameters[i].Value = (value is null ? null : converter?.ConvertToProvider(value) ?? value) ?? DBNull.Value;
        }
    }

    private static string Quote(string identifier) => $"\"{identifier.Replace("\"", "\"\"", StringComparison.Ordinal)}\"";
}
