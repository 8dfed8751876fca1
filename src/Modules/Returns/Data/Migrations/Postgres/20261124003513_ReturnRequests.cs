using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Omni.Returns.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class ReturnRequests : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "returns_requests",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    code = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    order_id = table.Column<Guid>(type: "uuid", nullable: false),
                    order_number = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    location_code = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    refund_to = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    customer_email = table.Column<string>(type: "character varying(254)", maxLength: 254, nullable: true),
                    customer_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    requested_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    requested_by = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    expires_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    return_id = table.Column<Guid>(type: "uuid", nullable: true),
                    closed_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_returns_requests", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "returns_request_lines",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    request_id = table.Column<Guid>(type: "uuid", nullable: false),
                    line_number = table.Column<int>(type: "integer", nullable: false),
                    order_line_id = table.Column<Guid>(type: "uuid", nullable: false),
                    sku = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    name = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    quantity = table.Column<int>(type: "integer", nullable: false),
                    reason = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_returns_request_lines", x => x.id);
                    table.ForeignKey(
                        name: "fk_returns_request_lines_returns_requests_request_id",
                        column: x => x.request_id,
                        principalTable: "returns_requests",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_returns_request_lines_request_id",
                table: "returns_request_lines",
                column: "request_id");

            migrationBuilder.CreateIndex(
                name: "ix_returns_requests_code",
                table: "returns_requests",
                column: "code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_returns_requests_location_code_status_expires_at",
                table: "returns_requests",
                columns: new[] { "location_code", "status", "expires_at" });

            migrationBuilder.CreateIndex(
                name: "ix_returns_requests_order_id",
                table: "returns_requests",
                column: "order_id");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "returns_request_lines");

            migrationBuilder.DropTable(
                name: "returns_requests");
        }
    }
}
