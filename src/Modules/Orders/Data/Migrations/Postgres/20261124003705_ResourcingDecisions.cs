using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Omni.Orders.Data.Migrations.Postgres
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
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    order_id = table.Column<Guid>(type: "uuid", nullable: false),
                    fulfillment_id = table.Column<Guid>(type: "uuid", nullable: false),
                    reason = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    rule_set_version = table.Column<int>(type: "integer", nullable: false),
                    cost = table.Column<double>(type: "double precision", nullable: false),
                    decided_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
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
