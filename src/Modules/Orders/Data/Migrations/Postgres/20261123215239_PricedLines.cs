using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Omni.Orders.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class PricedLines : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "coupons",
                table: "orders_orders",
                type: "text",
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<long>(
                name: "discount_minor",
                table: "orders_orders",
                type: "bigint",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<bool>(
                name: "tax_included",
                table: "orders_orders",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<long>(
                name: "tax_minor",
                table: "orders_orders",
                type: "bigint",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<long>(
                name: "discount_minor",
                table: "orders_lines",
                type: "bigint",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<string>(
                name: "promotions",
                table: "orders_lines",
                type: "text",
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<long>(
                name: "tax_minor",
                table: "orders_lines",
                type: "bigint",
                nullable: false,
                defaultValue: 0L);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "coupons",
                table: "orders_orders");

            migrationBuilder.DropColumn(
                name: "discount_minor",
                table: "orders_orders");

            migrationBuilder.DropColumn(
                name: "tax_included",
                table: "orders_orders");

            migrationBuilder.DropColumn(
                name: "tax_minor",
                table: "orders_orders");

            migrationBuilder.DropColumn(
                name: "discount_minor",
                table: "orders_lines");

            migrationBuilder.DropColumn(
                name: "promotions",
                table: "orders_lines");

            migrationBuilder.DropColumn(
                name: "tax_minor",
                table: "orders_lines");
        }
    }
}
