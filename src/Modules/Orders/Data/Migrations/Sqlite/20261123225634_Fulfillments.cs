using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Omni.Orders.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Fulfillments : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "cancelled_quantity",
                table: "orders_lines",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.CreateTable(
                name: "orders_fulfillments",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    order_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    order_number = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    currency = table.Column<string>(type: "TEXT", maxLength: 3, nullable: false),
                    method = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    location_code = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    handover_location_code = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    pickup_code = table.Column<string>(type: "TEXT", maxLength: 12, nullable: true),
                    ready_at = table.Column<DateTime>(type: "TEXT", nullable: true),
                    expires_at = table.Column<DateTime>(type: "TEXT", nullable: true),
                    carrier = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    tracking_number = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    replaces_fulfillment_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    created_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    updated_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    closed_at = table.Column<DateTime>(type: "TEXT", nullable: true),
                    version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_orders_fulfillments", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "orders_handled_events",
                columns: table => new
                {
                    event_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    subscriber = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    handled_at = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_orders_handled_events", x => new { x.event_id, x.subscriber });
                });

            migrationBuilder.CreateTable(
                name: "orders_fulfillment_lines",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    fulfillment_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    order_line_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    sku = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    quantity = table.Column<int>(type: "INTEGER", nullable: false),
                    short_quantity = table.Column<int>(type: "INTEGER", nullable: false),
                    unit_price_minor = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_orders_fulfillment_lines", x => x.id);
                    table.ForeignKey(
                        name: "fk_orders_fulfillment_lines_orders_fulfillments_fulfillment_id",
                        column: x => x.fulfillment_id,
                        principalTable: "orders_fulfillments",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_orders_fulfillment_lines_fulfillment_id",
                table: "orders_fulfillment_lines",
                column: "fulfillment_id");

            migrationBuilder.CreateIndex(
                name: "ix_orders_fulfillment_lines_order_line_id",
                table: "orders_fulfillment_lines",
                column: "order_line_id");

            migrationBuilder.CreateIndex(
                name: "ix_orders_fulfillments_handover_location_code_pickup_code",
                table: "orders_fulfillments",
                columns: new[] { "handover_location_code", "pickup_code" },
                unique: true,
                filter: "pickup_code IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ix_orders_fulfillments_handover_location_code_status",
                table: "orders_fulfillments",
                columns: new[] { "handover_location_code", "status" });

            migrationBuilder.CreateIndex(
                name: "ix_orders_fulfillments_location_code_status",
                table: "orders_fulfillments",
                columns: new[] { "location_code", "status" });

            migrationBuilder.CreateIndex(
                name: "ix_orders_fulfillments_order_id",
                table: "orders_fulfillments",
                column: "order_id");

            migrationBuilder.CreateIndex(
                name: "ix_orders_fulfillments_status_expires_at",
                table: "orders_fulfillments",
                columns: new[] { "status", "expires_at" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "orders_fulfillment_lines");

            migrationBuilder.DropTable(
                name: "orders_handled_events");

            migrationBuilder.DropTable(
                name: "orders_fulfillments");

            migrationBuilder.DropColumn(
                name: "cancelled_quantity",
                table: "orders_lines");
        }
    }
}
