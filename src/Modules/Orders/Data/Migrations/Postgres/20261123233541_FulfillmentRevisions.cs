using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Omni.Orders.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class FulfillmentRevisions : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.RenameColumn(
                name: "unit_price_minor",
                table: "orders_fulfillment_lines",
                newName: "line_total_minor");

            migrationBuilder.AddColumn<int>(
                name: "line_quantity",
                table: "orders_fulfillment_lines",
                type: "integer",
                nullable: false,
                defaultValue: 0);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "line_quantity",
                table: "orders_fulfillment_lines");

            migrationBuilder.RenameColumn(
                name: "line_total_minor",
                table: "orders_fulfillment_lines",
                newName: "unit_price_minor");
        }
    }
}
