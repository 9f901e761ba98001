process.stdout.write('mentoring: not yet\n');
