using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Omni.Pricing.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class CouponsAndTax : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "coupon_only",
                table: "pricing_promotions",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.CreateTable(
                name: "pricing_coupon_codes",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    coupon_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    code = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    max_uses = table.Column<int>(type: "INTEGER", nullable: true),
                    uses = table.Column<int>(type: "INTEGER", nullable: false),
                    assigned_customer_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    assigned_email = table.Column<string>(type: "TEXT", maxLength: 254, nullable: true),
                    created_at = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_pricing_coupon_codes", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "pricing_coupon_customer_uses",
                columns: table => new
                {
                    coupon_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    customer_key = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    uses = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_pricing_coupon_customer_uses", x => new { x.coupon_id, x.customer_key });
                });

            migrationBuilder.CreateTable(
                name: "pricing_coupon_redemptions",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    coupon_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    code_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    code = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    order_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    channel = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    location_code = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    customer_key = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    discount_minor = table.Column<long>(type: "INTEGER", nullable: false),
                    currency = table.Column<string>(type: "TEXT", maxLength: 3, nullable: false),
                    over_limit = table.Column<bool>(type: "INTEGER", nullable: false),
                    over_limit_reason = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    redeemed_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    released_at = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_pricing_coupon_redemptions", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "pricing_coupons",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    promotion_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    kind = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    max_uses_per_code = table.Column<int>(type: "INTEGER", nullable: true),
                    per_customer_limit = table.Column<int>(type: "INTEGER", nullable: true),
                    created_at = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_pricing_coupons", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "pricing_tax_rates",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    country = table.Column<string>(type: "TEXT", maxLength: 2, nullable: false),
                    region = table.Column<string>(type: "TEXT", maxLength: 10, nullable: true),
                    scope_key = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    rate_millipercent = table.Column<int>(type: "INTEGER", nullable: false),
                    inclusive = table.Column<bool>(type: "INTEGER", nullable: false),
                    updated_at = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_pricing_tax_rates", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_pricing_coupon_codes_assigned_customer_id",
                table: "pricing_coupon_codes",
                column: "assigned_customer_id");

            migrationBuilder.CreateIndex(
                name: "ix_pricing_coupon_codes_assigned_email",
                table: "pricing_coupon_codes",
                column: "assigned_email");

            migrationBuilder.CreateIndex(
                name: "ix_pricing_coupon_codes_code",
                table: "pricing_coupon_codes",
                column: "code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_pricing_coupon_codes_coupon_id",
                table: "pricing_coupon_codes",
                column: "coupon_id");

            migrationBuilder.CreateIndex(
                name: "ix_pricing_coupon_redemptions_coupon_id_redeemed_at",
                table: "pricing_coupon_redemptions",
                columns: new[] { "coupon_id", "redeemed_at" });

            migrationBuilder.CreateIndex(
                name: "ix_pricing_coupon_redemptions_order_id",
                table: "pricing_coupon_redemptions",
                column: "order_id");

            migrationBuilder.CreateIndex(
                name: "ix_pricing_coupon_redemptions_over_limit",
                table: "pricing_coupon_redemptions",
                column: "over_limit");

            migrationBuilder.CreateIndex(
                name: "ix_pricing_coupons_promotion_id",
                table: "pricing_coupons",
                column: "promotion_id");

            migrationBuilder.CreateIndex(
                name: "ix_pricing_tax_rates_scope_key",
                table: "pricing_tax_rates",
                column: "scope_key",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "pricing_coupon_codes");

            migrationBuilder.DropTable(
                name: "pricing_coupon_customer_uses");

            migrationBuilder.DropTable(
                name: "pricing_coupon_redemptions");

            migrationBuilder.DropTable(
                name: "pricing_coupons");

            migrationBuilder.DropTable(
                name: "pricing_tax_rates");

            migrationBuilder.DropColumn(
                name: "coupon_only",
                table: "pricing_promotions");
        }
    }
}
