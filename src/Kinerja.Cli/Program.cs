using Kinerja.Cli;

// `kinerja <command> [args]`: each command lives in its own file and returns the process exit code.
return args.FirstOrDefault() switch
{
    "calculate" => CalculateCommand.Run(args[1..]),
    "bench" => BenchCommand.Run(args[1..]),
    "migrate" => await MigrateCommand.RunAsync(CliConfiguration.Load()),
    "seed" => await SeedCommand.RunAsync(args[1..], CliConfiguration.Load()),
    "import" => await ImportCommand.RunAsync(args[1..], CliConfiguration.Load()),
    "run" => await RunCommand.RunAsync(args[1..], CliConfiguration.Load()),
    "user" => await UserCommand.RunAsync(args[1..], CliConfiguration.Load()),
    "institution" => await InstitutionCommand.RunAsync(args[1..], CliConfiguration.Load()),
    null or "help" or "--help" or "-h" => Usage(),
    var unknown => Unknown(unknown),
};

static int Usage()
{
    Console.WriteLine("""
        kinerja: remunerasi, kontrak dan masyarakat praktisi

          kinerja calculate CASE.json [-o OUT.json]   hitung satu kasus (calculation.md) / calculate one case
          kinerja bench                               ukur kecepatan mesin hitung / benchmark the engine
          kinerja migrate                             terapkan migrasi basis data / apply database migrations
          kinerja seed --demo                         isi data demo ke basis data kosong / seed demo data
          kinerja import case CASE.json [--hospital KODE]
                                                      muat kasus sebagai periode rumah sakit / load a case as a hospital's period
          kinerja import services|quality|added-value|duty FILE.csv|.xlsx --period YYYY-MM [--hospital KODE]
          kinerja import staff FILE.csv|.xlsx [--hospital KODE]
                                                      impor data (semua atau tidak sama sekali) / import data (all or nothing)
          kinerja run --period YYYY-MM [--hospital KODE]
                                                      hitung dari basis data, simpan draf, cetak hasil JSON / calculate, store a draft, print the result
          kinerja institution add --code KODE --name NAMA --kind RumahSakit|DinasKesehatan|Puskesmas|Komunitas
                  [--parent KODE-DINAS] [--cluster KLASTER] [--kabupaten ..] [--provinsi ..]
                                                      tambah institusi / add an institution
          kinerja user add --username NAMA --role PERAN[,PERAN] --email E-MAIL [--institution KODE]
                  [--full-name ..] [--staff-code ..]  tambah akun; kata sandi dari KINERJA_NEW_PASSWORD atau masukan standar /
                                                      add an account; password from KINERJA_NEW_PASSWORD or standard input

        Basis data / database: Database__Provider (Sqlite|Postgres), ConnectionStrings__Kinerja,
        Database__DataDirectory: kunci yang sama dengan aplikasi web / the same keys as the web app.
        """);
    return 0;
}

static int Unknown(string command)
{
    Console.Error.WriteLine($"Perintah tidak dikenal / unknown command: {command}. Lihat / see `kinerja help`.");
    return 2;
}
