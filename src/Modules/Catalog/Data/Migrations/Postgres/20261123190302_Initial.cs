using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Omni.Catalog.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "catalog_products",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    code = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    brand = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    brand_key = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    category = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    description = table.Column<string>(type: "text", maxLength: 400, nullable: true),
                    currency = table.Column<string>(type: "character varying(3)", maxLength: 3, nullable: false),
                    search_text = table.Column<string>(type: "text", maxLength: 400, nullable: false),
                    created_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_catalog_products", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "catalog_variants",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    product_id = table.Column<Guid>(type: "uuid", nullable: false),
                    sku = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    gtin = table.Column<string>(type: "character varying(14)", maxLength: 14, nullable: false),
                    gtin14 = table.Column<string>(type: "character varying(14)", maxLength: 14, nullable: false),
                    name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    attributes = table.Column<string>(type: "text", nullable: false),
                    price_minor = table.Column<long>(type: "bigint", nullable: false),
                    currency = table.Column<string>(type: "character varying(3)", maxLength: 3, nullable: false),
                    images = table.Column<string>(type: "text", nullable: false),
                    position = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_catalog_variants", x => x.id);
                    table.ForeignKey(
                        name: "fk_catalog_variants_catalog_products_product_id",
                        column: x => x.product_id,
                        principalTable: "catalog_products",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_catalog_products_brand_key",
                table: "catalog_products",
                column: "brand_key");

            migrationBuilder.CreateIndex(
                name: "ix_catalog_products_category",
                table: "catalog_products",
                column: "category");

            migrationBuilder.CreateIndex(
                name: "ix_catalog_products_code",
                table: "catalog_products",
                column: "code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_catalog_variants_gtin14",
                table: "catalog_variants",
                column: "gtin14",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_catalog_variants_product_id",
                table: "catalog_variants",
                column: "product_id");

            migrationBuilder.CreateIndex(
                name: "ix_catalog_variants_sku",
                table: "catalog_variants",
                column: "sku",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "catalog_variants");

            migrationBuilder.DropTable(
                name: "catalog_products");
        }
    }
}
