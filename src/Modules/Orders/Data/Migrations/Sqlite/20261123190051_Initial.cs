using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Omni.Orders.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "orders_idempotency_keys",
                columns: table => new
                {
                    key = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    request_hash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    order_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    created_at = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_orders_idempotency_keys", x => x.key);
                });

            migrationBuilder.CreateTable(
                name: "orders_orders",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    sequence_number = table.Column<long>(type: "INTEGER", nullable: false),
                    number = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    channel = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    customer_email = table.Column<string>(type: "TEXT", maxLength: 254, nullable: true),
                    customer_name = table.Column<string>(type: "TEXT", maxLength: 400, nullable: true),
                    customer_phone = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    line1 = table.Column<string>(type: "TEXT", maxLength: 400, nullable: true),
                    line2 = table.Column<string>(type: "TEXT", maxLength: 400, nullable: true),
                    city = table.Column<string>(type: "TEXT", maxLength: 400, nullable: true),
                    postal_code = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    country = table.Column<string>(type: "TEXT", maxLength: 2, nullable: true),
                    latitude = table.Column<double>(type: "REAL", nullable: true),
                    longitude = table.Column<double>(type: "REAL", nullable: true),
                    currency = table.Column<string>(type: "TEXT", maxLength: 3, nullable: false),
                    total_minor = table.Column<long>(type: "INTEGER", nullable: false),
                    placed_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    closed_at = table.Column<DateTime>(type: "TEXT", nullable: true),
                    cancel_reason = table.Column<string>(type: "TEXT", maxLength: 400, nullable: true),
                    placed_by = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_orders_orders", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "orders_lines",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    order_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    line_number = table.Column<int>(type: "INTEGER", nullable: false),
                    sku = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    product_code = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    name = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    quantity = table.Column<int>(type: "INTEGER", nullable: false),
                    unit_price_minor = table.Column<long>(type: "INTEGER", nullable: false),
                    method = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    location_code = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_orders_lines", x => x.id);
                    table.ForeignKey(
                        name: "fk_orders_lines_orders_orders_order_id",
                        column: x => x.order_id,
                        principalTable: "orders_orders",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "orders_allocations",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    order_line_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    location_code = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    quantity = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_orders_allocations", x => x.id);
                    table.ForeignKey(
                        name: "fk_orders_allocations_orders_lines_order_line_id",
                        column: x => x.order_line_id,
                        principalTable: "orders_lines",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_orders_allocations_location_code",
                table: "orders_allocations",
                column: "location_code");

            migrationBuilder.CreateIndex(
                name: "ix_orders_allocations_order_line_id",
                table: "orders_allocations",
                column: "order_line_id");

            migrationBuilder.CreateIndex(
                name: "ix_orders_lines_order_id",
                table: "orders_lines",
                column: "order_id");

            migrationBuilder.CreateIndex(
                name: "ix_orders_lines_sku",
                table: "orders_lines",
                column: "sku");

            migrationBuilder.CreateIndex(
                name: "ix_orders_orders_customer_email",
                table: "orders_orders",
                column: "customer_email");

            migrationBuilder.CreateIndex(
                name: "ix_orders_orders_number",
                table: "orders_orders",
                column: "number",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_orders_orders_placed_at",
                table: "orders_orders",
                column: "placed_at");

            migrationBuilder.CreateIndex(
                name: "ix_orders_orders_sequence_number",
                table: "orders_orders",
                column: "sequence_number",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "orders_allocations");

            migrationBuilder.DropTable(
                name: "orders_idempotency_keys");

            migrationBuilder.DropTable(
                name: "orders_lines");

            migrationBuilder.DropTable(
                name: "orders_orders");
        }
    }
}
