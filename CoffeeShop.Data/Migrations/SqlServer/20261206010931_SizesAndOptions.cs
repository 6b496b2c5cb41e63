using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CoffeeShop.Data.Migrations.SqlServer
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
                type: "nvarchar(max)",
                nullable: false,
                defaultValue: "[]");

            migrationBuilder.AddColumn<string>(
                name: "SizeCode",
                table: "OrderLines",
                type: "varchar(40)",
                unicode: false,
                maxLength: 40,
                nullable: false,
                defaultValue: "regular");

            migrationBuilder.AddColumn<string>(
                name: "SizeName",
                table: "OrderLines",
                type: "nvarchar(40)",
                maxLength: 40,
                nullable: false,
                defaultValue: "Regular");

            migrationBuilder.AddColumn<string>(
                name: "OptionGroupCodes",
                table: "MenuItems",
                type: "nvarchar(max)",
                nullable: false,
                defaultValue: "[]");

            migrationBuilder.AddColumn<string>(
                name: "Sizes",
                table: "MenuItems",
                type: "nvarchar(max)",
                nullable: false,
                defaultValue: "");

            // Every item from before sizes sells one regular size at its price; order lines from before sizes were of that
            // size with no options, and keep their unit prices and so their totals.
            migrationBuilder.Sql(
                """
                UPDATE [MenuItems] SET [Sizes] = N'[{"Code":"regular","Name":"Regular","Price":' + CONVERT(nvarchar(20), [Price]) + N',"IsDefault":true}]';
                """);

            migrationBuilder.CreateTable(
                name: "OptionGroups",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    Code = table.Column<string>(type: "varchar(40)", unicode: false, maxLength: 40, nullable: false),
                    Name = table.Column<string>(type: "nvarchar(60)", maxLength: 60, nullable: false),
                    MinSelected = table.Column<int>(type: "int", nullable: false),
                    MaxSelected = table.Column<int>(type: "int", nullable: false),
                    MaxQuantity = table.Column<int>(type: "int", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    Version = table.Column<int>(type: "int", nullable: false),
                    Options = table.Column<string>(type: "nvarchar(max)", nullable: false)
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
