using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Omni.Orders.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class OrderLoyaltyPoints : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "loyalty_points",
                table: "orders_orders",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0L);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "loyalty_points",
                table: "orders_orders");
        }
    }
}
