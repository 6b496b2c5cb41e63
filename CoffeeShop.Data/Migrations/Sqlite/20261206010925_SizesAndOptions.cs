using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CoffeeShop.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class SizesAndOptions : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Options",
                table: "OrderLines",
                type: "TEXT",
                nullable: false,
                defaultValue: "[]");

            migrationBuilder.AddColumn<string>(
                name: "SizeCode",
                table: "OrderLines",
                type: "TEXT",
                unicode: false,
                maxLength: 40,
                nullable: false,
                defaultValue: "regular");

            migrationBuilder.AddColumn<string>(
                name: "SizeName",
                table: "OrderLines",
                type: "TEXT",
                maxLength: 40,
                nullable: false,
                defaultValue: "Regular");

            migrationBuilder.AddColumn<string>(
                name: "OptionGroupCodes",
                table: "MenuItems",
                type: "TEXT",
                nullable: false,
                defaultValue: "[]");

            migrationBuilder.AddColumn<string>(
                name: "Sizes",
                table: "MenuItems",
                type: "TEXT",
                nullable: false,
                defaultValue: "");

            // Every item from before sizes sells one regular size at its price; order lines from before sizes were of that
            // size with no options, and keep their unit prices and so their totals.
            migrationBuilder.Sql(
                """
                UPDATE "MenuItems" SET "Sizes" = '[{"Code":"regular","Name":"Regular","Price":' || printf('%d.%02d', "Price" / 100, "Price" % 100) || ',"IsDefault":true}]';
                """);

            migrationBuilder.CreateTable(
                name: "OptionGroups",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Code = table.Column<string>(type: "TEXT", unicode: false, maxLength: 40, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    MinSelected = table.Column<int>(type: "INTEGER", nullable: false),
                    MaxSelected = table.Column<int>(type: "INTEGER", nullable: false),
                    MaxQuantity = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    Options = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_OptionGroups", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_OptionGroups_Code",
                table: "OptionGroups",
                column: "Code",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "OptionGroups");

            migrationBuilder.DropColumn(
                name: "Options",
                table: "OrderLines");

            migrationBuilder.DropColumn(
                name: "SizeCode",
                table: "OrderLines");

            migrationBuilder.DropColumn(
                name: "SizeName",
                table: "OrderLines");

            migrationBuilder.DropColumn(
                name: "OptionGroupCodes",
                table: "MenuItems");

            migrationBuilder.DropColumn(
                name: "Sizes",
                table: "MenuItems");
        }
    }
}
