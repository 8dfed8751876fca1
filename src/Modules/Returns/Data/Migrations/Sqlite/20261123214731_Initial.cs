using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Omni.Returns.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "returns_idempotency_keys",
                columns: table => new
                {
                    key = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    request_hash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    return_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    created_at = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_returns_idempotency_keys", x => x.key);
                });

            migrationBuilder.CreateTable(
                name: "returns_policies",
                columns: table => new
                {
                    id = table.Column<int>(type: "INTEGER", nullable: false),
                    document = table.Column<string>(type: "TEXT", maxLength: 100000, nullable: false),
                    updated_at = table.Column<DateTime>(type: "TEXT", nullable: true),
                    updated_by = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_returns_policies", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "returns_returned_quantities",
                columns: table => new
                {
                    order_line_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    order_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    returned = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_returns_returned_quantities", x => x.order_line_id);
                });

            migrationBuilder.CreateTable(
                name: "returns_returns",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    order_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    order_number = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    location_code = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    currency = table.Column<string>(type: "TEXT", maxLength: 3, nullable: false),
                    returned_value_minor = table.Column<long>(type: "INTEGER", nullable: false),
                    refund_to = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    refund_minor = table.Column<long>(type: "INTEGER", nullable: false),
                    refund_reference = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    refunded_at = table.Column<DateTime>(type: "TEXT", nullable: true),
                    exchange_order_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    exchange_order_number = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    exchange_total_minor = table.Column<long>(type: "INTEGER", nullable: false),
                    received_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    received_by = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_returns_returns", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "returns_lines",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    return_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    line_number = table.Column<int>(type: "INTEGER", nullable: false),
                    order_line_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    sku = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    quantity = table.Column<int>(type: "INTEGER", nullable: false),
                    condition = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    disposition = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    reason = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    refund_minor = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_returns_lines", x => x.id);
                    table.ForeignKey(
                        name: "fk_returns_lines_returns_returns_return_id",
                        column: x => x.return_id,
                        principalTable: "returns_returns",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.InsertData(
                table: "returns_policies",
                columns: new[] { "id", "document", "updated_at", "updated_by" },
                values: new object[] { 1, "{\"defaultWindowDays\":30,\"categoryWindows\":[],\"finalSaleCategories\":[],\"finalSaleSkus\":[],\"conditions\":[{\"condition\":\"sellable\",\"accepted\":true,\"disposition\":\"restock\",\"refusedCategories\":[]},{\"condition\":\"opened\",\"accepted\":true,\"disposition\":\"restock\",\"refusedCategories\":[]},{\"condition\":\"damaged\",\"accepted\":true,\"disposition\":\"unsellable\",\"refusedCategories\":[]}]}", null, null });

            migrationBuilder.CreateIndex(
                name: "ix_returns_lines_order_line_id",
                table: "returns_lines",
                column: "order_line_id");

            migrationBuilder.CreateIndex(
                name: "ix_returns_lines_return_id",
                table: "returns_lines",
                column: "return_id");

            migrationBuilder.CreateIndex(
                name: "ix_returns_returned_quantities_order_id",
                table: "returns_returned_quantities",
                column: "order_id");

            migrationBuilder.CreateIndex(
                name: "ix_returns_returns_location_code",
                table: "returns_returns",
                column: "location_code");

            migrationBuilder.CreateIndex(
                name: "ix_returns_returns_order_id",
                table: "returns_returns",
                column: "order_id");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "returns_idempotency_keys");

            migrationBuilder.DropTable(
                name: "returns_lines");

            migrationBuilder.DropTable(
                name: "returns_policies");

            migrationBuilder.DropTable(
                name: "returns_returned_quantities");

            migrationBuilder.DropTable(
                name: "returns_returns");
        }
    }
}
