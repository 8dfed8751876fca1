using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Omni.Inventory.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class AddReservationHolds : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTime>(
                name: "expires_at",
                table: "inventory_reservations",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "ix_inventory_reservations_status_expires_at",
                table: "inventory_reservations",
                columns: new[] { "status", "expires_at" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_inventory_reservations_status_expires_at",
                table: "inventory_reservations");

            migrationBuilder.DropColumn(
                name: "expires_at",
                table: "inventory_reservations");
        }
    }
}
