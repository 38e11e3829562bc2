from plankg.cli import main

main()
