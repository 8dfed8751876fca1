using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Omni.Orders.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ResourcingDecisions : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "orders_resourcing_decisions",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    order_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    fulfillment_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    reason = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    rule_set_version = table.Column<int>(type: "INTEGER", nullable: false),
                    cost = table.Column<double>(type: "REAL", nullable: false),
                    decided_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    explanation = table.Column<string>(type: "text", maxLength: 400, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_orders_resourcing_decisions", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_orders_resourcing_decisions_order_id",
                table: "orders_resourcing_decisions",
                column: "order_id");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "orders_resourcing_decisions");
        }
    }
}
