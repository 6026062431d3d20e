using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Kinerja.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class PerikatanApproval : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTime>(
                name: "ApprovedAt",
                table: "PerikatanAgreements",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ApprovedBy",
                table: "PerikatanAgreements",
                type: "TEXT",
                maxLength: 256,
                nullable: true);

            // Agreements recorded before approval existed were paid on: they stay in force, marked as carried over.
            migrationBuilder.Sql("UPDATE \"PerikatanAgreements\" SET \"ApprovedBy\" = 'sebelum-penetapan', \"ApprovedAt\" = CURRENT_TIMESTAMP;");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "ApprovedAt",
                table: "PerikatanAgreements");

            migrationBuilder.DropColumn(
                name: "ApprovedBy",
                table: "PerikatanAgreements");
        }
    }
}
