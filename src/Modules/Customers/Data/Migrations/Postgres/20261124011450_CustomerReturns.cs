using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Omni.Customers.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class CustomerReturns : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "customers_returns",
                columns: table => new
                {
                    return_id = table.Column<Guid>(type: "uuid", nullable: false),
                    order_id = table.Column<Guid>(type: "uuid", nullable: false),
                    order_number = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    location_code = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    units = table.Column<int>(type: "integer", nullable: false),
                    refund_minor = table.Column<long>(type: "bigint", nullable: false),
                    currency = table.Column<string>(type: "character varying(3)", maxLength: 3, nullable: false),
                    refund_to = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    exchange_order_id = table.Column<Guid>(type: "uuid", nullable: true),
                    received_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_customers_returns", x => x.return_id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_customers_returns_order_id",
                table: "customers_returns",
                column: "order_id");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "customers_returns");
        }
    }
}
