using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace CoffeeShop.Data.Providers;

/// <summary>Lets `dotnet ef` build the SQLite context without starting the web app.</summary>
internal sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteCoffeeShopDbContext>
{
    public SqliteCoffeeShopDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteCoffeeShopDbContext>()
            .UseSqlite("Data Source=design-time.db", o => o.MigrationsAssembly(typeof(SqliteDesignTimeFactory).Assembly.GetName().Name))
            .Options);
}

/// <summary>Lets `dotnet ef` build the SQL Server context; no server is contacted to add or script migrations.</summary>
internal sealed class SqlServerDesignTimeFactory : IDesignTimeDbContextFactory<SqlServerCoffeeShopDbContext>
{
    public SqlServerCoffeeShopDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqlServerCoffeeShopDbContext>()
            .UseSqlServer("Server=(local);Database=CoffeeShop;Trusted_Connection=True;TrustServerCertificate=True")
            .Options);
}
