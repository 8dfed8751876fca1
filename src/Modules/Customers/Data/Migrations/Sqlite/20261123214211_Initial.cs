using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

#pragma warning disable CA1814 // Prefer jagged arrays over multidimensional

namespace Omni.Customers.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "customers_audit",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    actor = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    action = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    customer_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    detail = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_customers_audit", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "customers_consents",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    customer_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    purpose = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    granted = table.Column<bool>(type: "INTEGER", nullable: false),
                    channel = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    occurred_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    recorded_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    recorded_by = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_customers_consents", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "customers_customers",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    created_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    updated_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    merged_into = table.Column<Guid>(type: "TEXT", nullable: true),
                    erased_at = table.Column<DateTime>(type: "TEXT", nullable: true),
                    points_balance = table.Column<long>(type: "INTEGER", nullable: false),
                    points_earned = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_customers_customers", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "customers_identities",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    customer_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    kind = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    value = table.Column<string>(type: "TEXT", maxLength: 254, nullable: false),
                    created_at = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_customers_identities", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "customers_interactions",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    device_id = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    customer_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    type = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    channel = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    occurred_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    received_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    payload = table.Column<string>(type: "text", maxLength: 400, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_customers_interactions", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "customers_loyalty_ledger",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    customer_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    points = table.Column<long>(type: "INTEGER", nullable: false),
                    kind = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    reference = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    occurred_at = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_customers_loyalty_ledger", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "customers_loyalty_tiers",
                columns: table => new
                {
                    name = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    min_points = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_customers_loyalty_tiers", x => x.name);
                });

            migrationBuilder.CreateTable(
                name: "customers_purchases",
                columns: table => new
                {
                    order_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    customer_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    number = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    channel = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    total_minor = table.Column<long>(type: "INTEGER", nullable: false),
                    currency = table.Column<string>(type: "TEXT", maxLength: 3, nullable: false),
                    placed_at = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_customers_purchases", x => x.order_id);
                });

            migrationBuilder.InsertData(
                table: "customers_loyalty_tiers",
                columns: new[] { "name", "min_points" },
                values: new object[,]
                {
                    { "gold", 2000L },
                    { "member", 0L },
                    { "platinum", 10000L },
                    { "silver", 500L }
                });

            migrationBuilder.CreateIndex(
                name: "ix_customers_audit_customer_id_at",
                table: "customers_audit",
                columns: new[] { "customer_id", "at" });

            migrationBuilder.CreateIndex(
                name: "ix_customers_consents_customer_id",
                table: "customers_consents",
                column: "customer_id");

            migrationBuilder.CreateIndex(
                name: "ix_customers_customers_merged_into",
                table: "customers_customers",
                column: "merged_into");

            migrationBuilder.CreateIndex(
                name: "ix_customers_identities_customer_id",
                table: "customers_identities",
                column: "customer_id");

            migrationBuilder.CreateIndex(
                name: "ix_customers_identities_kind_value",
                table: "customers_identities",
                columns: new[] { "kind", "value" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_customers_interactions_customer_id_occurred_at",
                table: "customers_interactions",
                columns: new[] { "customer_id", "occurred_at" });

            migrationBuilder.CreateIndex(
                name: "ix_customers_interactions_device_id_occurred_at",
                table: "customers_interactions",
                columns: new[] { "device_id", "occurred_at" });

            migrationBuilder.CreateIndex(
                name: "ix_customers_interactions_occurred_at",
                table: "customers_interactions",
                column: "occurred_at");

            migrationBuilder.CreateIndex(
                name: "ix_customers_loyalty_ledger_customer_id",
                table: "customers_loyalty_ledger",
                column: "customer_id");

            migrationBuilder.CreateIndex(
                name: "ix_customers_loyalty_ledger_kind_reference",
                table: "customers_loyalty_ledger",
                columns: new[] { "kind", "reference" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_customers_purchases_customer_id",
                table: "customers_purchases",
                column: "customer_id");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "customers_audit");

            migrationBuilder.DropTable(
                name: "customers_consents");

            migrationBuilder.DropTable(
                name: "customers_customers");

            migrationBuilder.DropTable(
                name: "customers_identities");

            migrationBuilder.DropTable(
                name: "customers_interactions");

            migrationBuilder.DropTable(
                name: "customers_loyalty_ledger");

            migrationBuilder.DropTable(
                name: "customers_loyalty_tiers");

            migrationBuilder.DropTable(
                name: "customers_purchases");
        }
    }
}
