using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Omni.Carts.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "carts_carts",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    token_hash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    channel = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    customer_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    currency = table.Column<string>(type: "TEXT", maxLength: 3, nullable: true),
                    preferred_store = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    line1 = table.Column<string>(type: "TEXT", maxLength: 400, nullable: true),
                    line2 = table.Column<string>(type: "TEXT", maxLength: 400, nullable: true),
                    city = table.Column<string>(type: "TEXT", maxLength: 400, nullable: true),
                    postal_code = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    country = table.Column<string>(type: "TEXT", maxLength: 2, nullable: true),
                    latitude = table.Column<double>(type: "REAL", nullable: true),
                    longitude = table.Column<double>(type: "REAL", nullable: true),
                    coupon_codes = table.Column<string>(type: "text", nullable: false),
                    devices = table.Column<string>(type: "text", nullable: false),
                    handoff_code = table.Column<string>(type: "TEXT", maxLength: 16, nullable: true),
                    handoff_expires_at = table.Column<DateTime>(type: "TEXT", nullable: true),
                    handed_off_to = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    hold_expires_at = table.Column<DateTime>(type: "TEXT", nullable: true),
                    merged_into = table.Column<Guid>(type: "TEXT", nullable: true),
                    order_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    order_number = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    checkout_key = table.Column<string>(type: "TEXT", maxLength: 400, nullable: true),
                    checkout_hash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    created_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    updated_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_carts_carts", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "carts_lines",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    cart_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    sku = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    name = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    quantity = table.Column<int>(type: "INTEGER", nullable: false),
                    method = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    added_at = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_carts_lines", x => x.id);
                    table.ForeignKey(
                        name: "fk_carts_lines_carts_carts_cart_id",
                        column: x => x.cart_id,
                        principalTable: "carts_carts",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_carts_carts_customer_id",
                table: "carts_carts",
                column: "customer_id",
                unique: true,
                filter: "status = 'Active'");

            migrationBuilder.CreateIndex(
                name: "ix_carts_carts_handoff_code",
                table: "carts_carts",
                column: "handoff_code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_carts_lines_cart_id_sku",
                table: "carts_lines",
                columns: new[] { "cart_id", "sku" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "carts_lines");

            migrationBuilder.DropTable(
                name: "carts_carts");
        }
    }
}
