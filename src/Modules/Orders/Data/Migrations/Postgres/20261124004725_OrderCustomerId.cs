using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Omni.Orders.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class OrderCustomerId : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "customer_id",
                table: "orders_orders",
                type: "uuid",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "ix_orders_orders_customer_id",
                table: "orders_orders",
                column: "customer_id");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_orders_orders_customer_id",
                table: "orders_orders");

            migrationBuilder.DropColumn(
                name: "customer_id",
                table: "orders_orders");
        }
    }
}
