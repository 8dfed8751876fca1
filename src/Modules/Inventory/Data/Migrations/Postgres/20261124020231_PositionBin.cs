using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Omni.Inventory.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class PositionBin : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "bin",
                table: "inventory_positions",
                type: "character varying(32)",
                maxLength: 32,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "bin",
                table: "inventory_positions");
        }
    }
}
