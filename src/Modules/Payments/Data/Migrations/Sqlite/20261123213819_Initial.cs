using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Omni.Payments.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "payments_payments",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    order_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    currency = table.Column<string>(type: "TEXT", maxLength: 3, nullable: false),
                    tender_type = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    provider = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    authorization_reference = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    store_credit_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    customer_email = table.Column<string>(type: "TEXT", maxLength: 254, nullable: true),
                    authorized = table.Column<long>(type: "INTEGER", nullable: false),
                    captured = table.Column<long>(type: "INTEGER", nullable: false),
                    refunded = table.Column<long>(type: "INTEGER", nullable: false),
                    voided = table.Column<long>(type: "INTEGER", nullable: false),
                    created_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    updated_at = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_payments_payments", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "payments_store_credit_entries",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    store_credit_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    kind = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    delta = table.Column<long>(type: "INTEGER", nullable: false),
                    balance_after = table.Column<long>(type: "INTEGER", nullable: false),
                    order_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    created_at = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_payments_store_credit_entries", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "payments_store_credits",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    customer_email = table.Column<string>(type: "TEXT", maxLength: 254, nullable: true),
                    currency = table.Column<string>(type: "TEXT", maxLength: 3, nullable: false),
                    balance = table.Column<long>(type: "INTEGER", nullable: false),
                    created_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    updated_at = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_payments_store_credits", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "payments_transactions",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    payment_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    order_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    kind = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    amount = table.Column<long>(type: "INTEGER", nullable: false),
                    currency = table.Column<string>(type: "TEXT", maxLength: 3, nullable: false),
                    destination = table.Column<string>(type: "TEXT", maxLength: 16, nullable: true),
                    reference = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    idempotency_key = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    reason = table.Column<string>(type: "TEXT", maxLength: 400, nullable: true),
                    fulfillment_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    created_at = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_payments_transactions", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_payments_payments_order_id",
                table: "payments_payments",
                column: "order_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_payments_store_credit_entries_store_credit_id",
                table: "payments_store_credit_entries",
                column: "store_credit_id");

            migrationBuilder.CreateIndex(
                name: "ix_payments_store_credits_customer_email_currency",
                table: "payments_store_credits",
                columns: new[] { "customer_email", "currency" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_payments_transactions_idempotency_key",
                table: "payments_transactions",
                column: "idempotency_key",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_payments_transactions_order_id",
                table: "payments_transactions",
                column: "order_id");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "payments_payments");

            migrationBuilder.DropTable(
                name: "payments_store_credit_entries");

            migrationBuilder.DropTable(
                name: "payments_store_credits");

            migrationBuilder.DropTable(
                name: "payments_transactions");
        }
    }
}
