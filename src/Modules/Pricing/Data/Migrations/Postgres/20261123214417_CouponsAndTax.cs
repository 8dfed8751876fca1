using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Omni.Pricing.Data.Migrations.Postgres
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
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.CreateTable(
                name: "pricing_coupon_codes",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    coupon_id = table.Column<Guid>(type: "uuid", nullable: false),
                    code = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    max_uses = table.Column<int>(type: "integer", nullable: true),
                    uses = table.Column<int>(type: "integer", nullable: false),
                    assigned_customer_id = table.Column<Guid>(type: "uuid", nullable: true),
                    assigned_email = table.Column<string>(type: "character varying(254)", maxLength: 254, nullable: true),
                    created_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_pricing_coupon_codes", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "pricing_coupon_customer_uses",
                columns: table => new
                {
                    coupon_id = table.Column<Guid>(type: "uuid", nullable: false),
                    customer_key = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    uses = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_pricing_coupon_customer_uses", x => new { x.coupon_id, x.customer_key });
                });

            migrationBuilder.CreateTable(
                name: "pricing_coupon_redemptions",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    coupon_id = table.Column<Guid>(type: "uuid", nullable: false),
                    code_id = table.Column<Guid>(type: "uuid", nullable: false),
                    code = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    order_id = table.Column<Guid>(type: "uuid", nullable: false),
                    channel = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    location_code = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    customer_key = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    discount_minor = table.Column<long>(type: "bigint", nullable: false),
                    currency = table.Column<string>(type: "character varying(3)", maxLength: 3, nullable: false),
                    over_limit = table.Column<bool>(type: "boolean", nullable: false),
                    over_limit_reason = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    redeemed_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    released_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_pricing_coupon_redemptions", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "pricing_coupons",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    promotion_id = table.Column<Guid>(type: "uuid", nullable: false),
                    kind = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    max_uses_per_code = table.Column<int>(type: "integer", nullable: true),
                    per_customer_limit = table.Column<int>(type: "integer", nullable: true),
                    created_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_pricing_coupons", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "pricing_tax_rates",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    country = table.Column<string>(type: "character varying(2)", maxLength: 2, nullable: false),
                    region = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: true),
                    scope_key = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    rate_millipercent = table.Column<int>(type: "integer", nullable: false),
                    inclusive = table.Column<bool>(type: "boolean", nullable: false),
                    updated_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
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
