using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Omni.Pricing.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "pricing_price_exceptions",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    sku = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    channel = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: true),
                    location_code = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    price_minor = table.Column<long>(type: "bigint", nullable: false),
                    currency = table.Column<string>(type: "character varying(3)", maxLength: 3, nullable: false),
                    reason = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: false),
                    scope_key = table.Column<string>(type: "character varying(160)", maxLength: 160, nullable: false),
                    created_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_pricing_price_exceptions", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "pricing_promotions",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    code = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    kind = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    target_type = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    target_values = table.Column<string>(type: "text", nullable: false),
                    percent_basis_points = table.Column<int>(type: "integer", nullable: true),
                    amount_minor = table.Column<long>(type: "bigint", nullable: true),
                    currency = table.Column<string>(type: "character varying(3)", maxLength: 3, nullable: true),
                    buy_quantity = table.Column<int>(type: "integer", nullable: false),
                    get_quantity = table.Column<int>(type: "integer", nullable: false),
                    get_percent_basis_points = table.Column<int>(type: "integer", nullable: false),
                    threshold_minor = table.Column<long>(type: "bigint", nullable: true),
                    channels = table.Column<string>(type: "text", nullable: false),
                    locations = table.Column<string>(type: "text", nullable: false),
                    loyalty_tiers = table.Column<string>(type: "text", nullable: false),
                    starts_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    ends_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    priority = table.Column<int>(type: "integer", nullable: false),
                    stacking = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    active = table.Column<bool>(type: "boolean", nullable: false),
                    created_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_pricing_promotions", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_pricing_price_exceptions_scope_key",
                table: "pricing_price_exceptions",
                column: "scope_key",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_pricing_price_exceptions_sku",
                table: "pricing_price_exceptions",
                column: "sku");

            migrationBuilder.CreateIndex(
                name: "ix_pricing_promotions_active",
                table: "pricing_promotions",
                column: "active");

            migrationBuilder.CreateIndex(
                name: "ix_pricing_promotions_code",
                table: "pricing_promotions",
                column: "code",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "pricing_price_exceptions");

            migrationBuilder.DropTable(
                name: "pricing_promotions");
        }
    }
}
