using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace WorkPlan.Infrastructure.Data.Migrations
{
    /// <inheritdoc />
    public partial class UserPosition : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "position",
                table: "AspNetUsers",
                type: "character varying(300)",
                maxLength: 300,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "position",
                table: "AspNetUsers");
        }
    }
}
